package io.storescheduler.adapter.jooq.shared;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.param;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.val;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.storescheduler.adapter.jooq.PersistenceUnderTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RenderedQueryTest {

    @RegisterExtension
    static final PersistenceUnderTest db = PersistenceUnderTest.perClass();
    private final DSLContext dsl = db.persistence().dsl();

    @Test
    void named_parameters_bind_new_values_in_their_types_each_run_and_the_other_values_stay() {
        var n = param("n", Long.class);
        var at = param("at", Instant.class);
        var rendered = RenderedQuery.of(dsl, select(n.plus(val(1L)), field("{0} + interval '1 hour'", Instant.class, at),
                val("it's :n"), n.mul(inline(2L))));

        var first = rendered.with(dsl, Map.of("n", 41L, "at", Instant.parse("2027-03-01T10:00:00Z"))).fetchSingle();
        var second = rendered.with(dsl, Map.of("n", 1L, "at", Instant.parse("2027-01-01T00:00:00Z"))).fetchSingle();

        assertEquals(List.of(42L, Instant.parse("2027-03-01T11:00:00Z"), "it's :n", 82L), first.intoList());
        assertEquals(List.of(2L, Instant.parse("2027-01-01T01:00:00Z"), "it's :n", 2L), second.intoList());
    }

    @Test
    void a_run_needs_a_value_for_each_named_parameter_and_no_others() {
        var rendered = RenderedQuery.of(dsl, select(param("n", Long.class)));

        assertThrows(IllegalArgumentException.class, () -> rendered.with(dsl, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> rendered.with(dsl, Map.of("n", 1L, "m", 2L)));
    }

    @Test
    void a_colon_before_a_word_that_is_no_parameter_is_refused_when_rendered() {
        var slice = field("(array[1, 2, 3])[1:{0}]", SQLDataType.INTEGER.array(), inline(2));

        assertThrows(IllegalArgumentException.class, () -> RenderedQuery.of(dsl, select(slice)));
        var spaced = field("(array[1, 2, 3])[1 : {0}]", SQLDataType.INTEGER.array(), inline(2));
        assertEquals(2, RenderedQuery.of(dsl, select(spaced)).with(dsl, Map.of()).fetchSingle().get(0, Integer[].class).length);
    }
}
