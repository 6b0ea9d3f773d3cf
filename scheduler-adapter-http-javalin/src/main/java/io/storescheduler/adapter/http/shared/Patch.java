package io.storescheduler.adapter.http.shared;

import io.storescheduler.application.shared.FieldChange;
import java.util.Set;
import java.util.function.Function;

/** A partial update's body: its values, and which fields it names at all. */
public record Patch<T>(T values, Set<String> fields) {

    public Patch {
        fields = Set.copyOf(fields);
    }

    /** Keep when the body leaves {@code field} out, else set it to what the body says (null included). */
    public <V> FieldChange<V> change(String field, Function<T, V> value) {
        return fields.contains(field) ? FieldChange.setTo(value.apply(values)) : FieldChange.keep();
    }
}
