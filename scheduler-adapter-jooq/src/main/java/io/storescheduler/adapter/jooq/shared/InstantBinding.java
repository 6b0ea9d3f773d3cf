package io.storescheduler.adapter.jooq.shared;

import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jooq.Binding;
import org.jooq.BindingGetResultSetContext;
import org.jooq.BindingGetSQLInputContext;
import org.jooq.BindingGetStatementContext;
import org.jooq.BindingRegisterContext;
import org.jooq.BindingSQLContext;
import org.jooq.BindingSetSQLOutputContext;
import org.jooq.BindingSetStatementContext;
import org.jooq.Converter;
import org.jooq.impl.SQLDataType;

/**
 * The {@code timestamptz} columns as {@link Instant}s, bound by jOOQ's own binding of
 * {@link OffsetDateTime} except how a value is read from a result: jOOQ asks the driver for the
 * text and parses it, so the driver first formats the value it has decoded (BENCHMARKS.md, "Where
 * the time goes": a tenth of a week's availability search); this binding takes the driver's
 * {@link OffsetDateTime} as it is. Parameters and the SQL rendered stay jOOQ's.
 */
public final class InstantBinding implements Binding<OffsetDateTime, Instant> {

    private static final long serialVersionUID = 1L;
    private static final Binding<?, OffsetDateTime> JOOQ = SQLDataType.TIMESTAMPWITHTIMEZONE.getBinding();
    private static final Converter<OffsetDateTime, Instant> CONVERTER = Converter.ofNullable(OffsetDateTime.class, Instant.class,
            OffsetDateTime::toInstant, instant -> instant.atOffset(ZoneOffset.UTC));

    @Override
    public Converter<OffsetDateTime, Instant> converter() {
        return CONVERTER;
    }

    @Override
    public void get(BindingGetResultSetContext<Instant> ctx) throws SQLException {
        var value = ctx.resultSet().getObject(ctx.index(), OffsetDateTime.class);
        ctx.value(value == null ? null : value.toInstant());
    }

    @Override
    public void sql(BindingSQLContext<Instant> ctx) throws SQLException {
        JOOQ.sql(ctx.convert(CONVERTER));
    }

    @Override
    public void register(BindingRegisterContext<Instant> ctx) throws SQLException {
        JOOQ.register(ctx.convert(CONVERTER));
    }

    @Override
    public void set(BindingSetStatementContext<Instant> ctx) throws SQLException {
        JOOQ.set(ctx.convert(CONVERTER));
    }

    @Override
    public void set(BindingSetSQLOutputContext<Instant> ctx) throws SQLException {
        JOOQ.set(ctx.convert(CONVERTER));
    }

    @Override
    public void get(BindingGetStatementContext<Instant> ctx) throws SQLException {
        JOOQ.get(ctx.convert(CONVERTER));
    }

    @Override
    public void get(BindingGetSQLInputContext<Instant> ctx) throws SQLException {
        JOOQ.get(ctx.convert(CONVERTER));
    }
}
