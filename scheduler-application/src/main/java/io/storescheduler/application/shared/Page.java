package io.storescheduler.application.shared;

import java.util.List;
import java.util.function.Function;

/** One page of a list in its stable order, with the total the whole list has. */
public record Page<T>(List<T> items, PageRequest request, long total) {

    public Page {
        items = List.copyOf(items);
    }

    /** The page {@code request} asks for of a whole list held in memory. */
    public static <T> Page<T> of(List<T> all, PageRequest request) {
        var from = (int) Math.min(all.size(), (long) request.offset());
        var to = (int) Math.min(all.size(), (long) from + request.limit());
        return new Page<>(all.subList(from, to), request, all.size());
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), request, total);
    }
}
