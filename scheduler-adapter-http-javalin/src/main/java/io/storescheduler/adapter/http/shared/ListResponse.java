package io.storescheduler.adapter.http.shared;

import io.storescheduler.application.shared.Page;
import java.util.List;
import java.util.function.Function;

/** Every list answers {@code {items, limit, offset, total}}. */
public record ListResponse<T>(List<T> items, int limit, int offset, long total) {

    public static <S, T> ListResponse<T> of(Page<S> page, Function<? super S, ? extends T> mapper) {
        return new ListResponse<>(page.items().stream().<T>map(mapper).toList(),
                page.request().limit(), page.request().offset(), page.total());
    }
}
