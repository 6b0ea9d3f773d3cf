package io.storescheduler.application.shared;

import java.util.ArrayList;
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

    /**
     * Every item of a list read page by page through {@code list}, the largest pages allowed: for the
     * lists a store's quotas bound (its rooms, scripts, DMs, a day's bookings).
     */
    public static <T> List<T> all(Function<PageRequest, Page<T>> list) {
        var items = new ArrayList<T>();
        Page<T> page;
        do {
            page = list.apply(new PageRequest(PageRequest.MAX_LIMIT, items.size()));
            items.addAll(page.items());
        } while (!page.items().isEmpty() && items.size() < page.total());
        return List.copyOf(items);
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), request, total);
    }
}
