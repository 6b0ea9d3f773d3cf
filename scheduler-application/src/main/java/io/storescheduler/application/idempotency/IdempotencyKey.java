package io.storescheduler.application.idempotency;

import io.storescheduler.domain.id.StoreId;
import java.util.Objects;

/**
 * An {@code Idempotency-Key} in the scope it counts in: the same key names the same request only
 * for the same actor in the same store. Routes outside any store use {@link #NO_STORE}.
 */
public record IdempotencyKey(long actorId, StoreId storeId, String value) {

    public static final int MAX_LENGTH = 200;
    /** Store ids start at 1, so 0 is free to stand for the admin routes outside any store. */
    public static final StoreId NO_STORE = new StoreId(0);

    public IdempotencyKey {
        Objects.requireNonNull(value, "value");
        if (!isValid(value)) {
            throw new IllegalArgumentException("an idempotency key is 1.." + MAX_LENGTH + " printable ASCII characters");
        }
    }

    /** 1 to 200 printable ASCII characters, not all blank: a UUID fits, and so does anything a header can carry safely. */
    public static boolean isValid(String value) {
        return !value.isBlank() && value.length() <= MAX_LENGTH && value.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
    }
}
