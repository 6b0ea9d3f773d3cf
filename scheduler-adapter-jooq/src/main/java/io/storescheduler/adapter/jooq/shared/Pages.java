package io.storescheduler.adapter.jooq.shared;

import io.storescheduler.application.shared.Page;
import io.storescheduler.application.shared.PageRequest;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Table;

/** Builds a {@link Page} from a page of rows and the count of all rows matching the same condition. */
public final class Pages {

    private Pages() {}

    public static <T> Page<T> of(DSLContext dsl, Table<?> table, Condition condition, PageRequest request, List<T> items) {
        var total = dsl.fetchCount(table, condition);
        return new Page<>(items, request, total);
    }
}
