package io.storescheduler.adapter.http.shared;

import java.util.function.LongFunction;

/** Ids a request body sends as numbers, checked there, made into the typed ids the use cases take. */
public final class Ids {

    private Ids() {}

    /** The typed id of {@code id}, e.g. {@code Ids.orNull(request.roomId(), RoomId::new)}; null when the body left it out. */
    public static <T> T orNull(Long id, LongFunction<T> type) {
        return id == null ? null : type.apply(id);
    }
}
