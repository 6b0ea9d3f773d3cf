package io.storescheduler.adapter.jooq.shared;

import io.storescheduler.application.shared.FieldChange;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;

/**
 * The columns a partial update writes: only those whose change is set, so a concurrent change of
 * another column of the same row is never overwritten with a stale value.
 */
public final class ColumnChanges {

    private final Map<Field<?>, Object> values = new LinkedHashMap<>();

    public <T> ColumnChanges set(Field<T> column, FieldChange<T> change) {
        if (change instanceof FieldChange.SetTo<T>(T value)) {
            values.put(column, value);
        }
        return this;
    }

    /** Writes the set columns of the rows {@code where} selects, if any column is set; answers how many rows it wrote. */
    public int apply(DSLContext dsl, Table<?> table, Condition where) {
        return values.isEmpty() ? 0 : dsl.update(table).set(values).where(where).execute();
    }
}
