package io.storescheduler.adapter.jooq.shared;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.impl.DSL;

/**
 * A select rendered to SQL once and run many times with new values of its named parameters
 * ({@code DSL.param(name, type)}). jOOQ builds and renders a query at every call, and for the
 * statements of the hot reads (nested {@code MULTISET}s, a LATERAL aggregate) that costs the
 * server more CPU than the database spends running them (BENCHMARKS.md, where the time goes).
 *
 * <p>The query is rendered with its named parameters as {@code :name} and every other value
 * inlined, then each {@code :name} outside quotes becomes a {@code ?}. Each value binds with its
 * parameter's data type, as in the query built in full, and the answer is read through the
 * query's own fields, so their converters (a {@code MULTISET} into records) apply as before. The
 * text runs as plain SQL, where jOOQ would read any other colon before a word as a parameter too
 * (an array slice {@code [1:n]}): such a query is refused when it is rendered, so write
 * {@code [1 : n]}.
 */
public final class RenderedQuery {

    private final String sql;
    private final List<String> order;
    private final Map<String, DataType<?>> types;
    private final Field<?>[] fields;

    private RenderedQuery(String sql, List<String> order, Map<String, DataType<?>> types, Field<?>[] fields) {
        this.sql = sql;
        this.order = order;
        this.types = types;
        this.fields = fields;
    }

    /** Renders {@code query} for {@code dsl}'s dialect; its named parameters are what {@link #with} binds. */
    public static RenderedQuery of(DSLContext dsl, ResultQuery<? extends Record> query) {
        var types = new HashMap<String, DataType<?>>();
        for (Param<?> param : dsl.extractParams(query).values()) {
            if (isNamed(param)) {
                types.put(param.getParamName(), param.getDataType());
            }
        }
        var order = new ArrayList<String>();
        var sql = positional(dsl.renderNamedOrInlinedParams(query), types, order);
        return new RenderedQuery(sql, List.copyOf(order), Map.copyOf(types), query.fields());
    }

    /** The query with {@code values} (by parameter name) bound; every named parameter needs one. */
    public ResultQuery<Record> with(DSLContext dsl, Map<String, ?> values) {
        if (!values.keySet().equals(types.keySet())) {
            throw new IllegalArgumentException("the query takes " + types.keySet() + ", not " + values.keySet());
        }
        var bound = order.stream().map(name -> DSL.val(values.get(name), types.get(name))).toArray();
        return dsl.resultQuery(sql, bound).coerce(fields);
    }

    /** A parameter of {@code DSL.param(name, ...)}: jOOQ names the others by their position, or inlines them. */
    private static boolean isNamed(Param<?> param) {
        var name = param.getParamName();
        return !param.isInline() && name != null && !name.isEmpty() && !name.chars().allMatch(Character::isDigit);
    }

    /**
     * The SQL with each {@code :name} of {@code names} outside quotes (string literals and quoted
     * identifiers) as {@code ?}, their order in {@code order}; any other colon before a word would
     * read as a parameter, and is refused.
     */
    private static String positional(String named, Map<String, ?> names, List<String> order) {
        var sql = new StringBuilder(named.length());
        char quote = 0;
        for (int i = 0; i < named.length(); i++) {
            var c = named.charAt(i);
            if (quote == 0 && (c == '\'' || c == '"')) {
                quote = c;
            } else if (c == quote) {
                quote = 0;
            } else if (c == ':' && quote == 0) {
                var name = wordAfter(named, i);
                if (names.containsKey(name)) {
                    order.add(name);
                    sql.append('?');
                    i += name.length();
                    continue;
                }
                if (!name.isEmpty()) {
                    throw new IllegalArgumentException("':" + name + "' would read as a parameter of the plain SQL: " + named);
                }
            }
            sql.append(c);
        }
        return sql.toString();
    }

    /** The letters, digits and underscores right after {@code colon}. */
    private static String wordAfter(String sql, int colon) {
        var end = colon + 1;
        while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
            end++;
        }
        return sql.substring(colon + 1, end);
    }
}
