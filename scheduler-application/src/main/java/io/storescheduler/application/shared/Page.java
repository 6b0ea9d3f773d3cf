package io.storescheduler.application.shared;

import java.util.List;
import java.util.function.Function;

/** One page of a list in its stable order, with the total the whole list has. */
public record Page<T>(List<T> items, PageRequest request, long total) {

    public Page {
        items = List.copyOf(items);
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), request, total);
    }
}
