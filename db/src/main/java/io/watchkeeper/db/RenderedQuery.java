package io.watchkeeper.db;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Objects;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.RecordMapper;
import org.jooq.ResultQuery;
import org.jooq.conf.ParamType;

/**
 * A read of fixed shape whose SQL jOOQ renders once, when the reader is built. Each call passes its
 * values for the query's named parameters, in order, and runs the SQL through the same
 * {@link DSLContext} (same connection and transaction handling), reading the columns with the
 * template's own field types. Building and rendering a jOOQ query tree costs far more CPU than running
 * a primary-key read (about a quarter of the item page's application CPU when profiled), so the hot
 * single-row and per-item reads use this; queries whose shape depends on filters keep building theirs.
 *
 * <p>The template may bind nothing but its named parameters ({@code DSL.param(name, sample)}):
 * constants are inlined ({@code DSL.inline}), and its column labels are unique (rows are read back by
 * label). Both are checked when it is built, so a template that would bind something else, or read a
 * column twice, fails at start-up rather than answering wrongly.
 */
final class RenderedQuery {

    private final String sql;
    private final Field<?>[] fields;
    private final int parameters;

    private RenderedQuery(String sql, Field<?>[] fields, int parameters) {
        this.sql = sql;
        this.fields = fields;
        this.parameters = parameters;
    }

    /** Renders the template; {@code names} are its parameters in the order they are bound. */
    static RenderedQuery of(DSLContext dsl, ResultQuery<? extends Record> template, String... names) {
        List<String> bound = new ArrayList<>();
        template.getParams().forEach((name, param) -> {
            if (param.getParamType() != ParamType.INLINED) {
                bound.add(name);
            }
        });
        if (!bound.equals(List.of(names)) || template.getBindValues().size() != names.length) {
            throw new IllegalArgumentException("the template binds " + bound + " (" + template.getBindValues().size()
                    + " values), expected exactly " + List.of(names) + ": inline its constants");
        }
        Field<?>[] fields = template.fields();
        // the result is read back by column label (jOOQ's coerce), so two columns may not share one
        Set<String> labels = new HashSet<>();
        for (Field<?> f : fields) {
            if (!labels.add(f.getName())) {
                throw new IllegalArgumentException("two columns are labelled '" + f.getName() + "': alias one");
            }
        }
        return new RenderedQuery(dsl.render(template), fields, names.length);
    }

    /** Runs the query with these parameter values (in the template's order) and maps every row. */
    <R> List<R> fetch(DSLContext dsl, RecordMapper<Record, R> mapper, Object... values) {
        return run(dsl, values).fetch(mapper);
    }

    private ResultQuery<Record> run(DSLContext dsl, Object... values) {
        if (values.length != parameters) {
            throw new IllegalArgumentException("expected " + parameters + " values, got " + values.length);
        }
        for (Object v : values) {
            Objects.requireNonNull(v, "parameter value");
        }
        return dsl.resultQuery(sql, values).coerce(fields);
    }

    /** The SQL as rendered (for tests). */
    String sql() {
        return sql;
    }
}
