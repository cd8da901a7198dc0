package io.tipdata.jdbc.jooq;

import io.tipdata.jdbc.TipDataSource;
import java.util.Objects;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderNameCase;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * jOOQ over a {@link TipDataSource}: settings under which the SQL of code-generated jOOQ classes is confined to the
 * run in test context.
 *
 * <p>Generated classes name tables schema-qualified and quoted ({@code "PUBLIC"."ORDERS"}). Test-context SQL must
 * name a declared table the way the rewriter resolves it, so these settings render names unqualified (the
 * connection's schema is the production schema) and unquoted, lower case; the JDBC layer's rewrite and its
 * independent check still decide every statement. Production traffic passes byte for byte either way.
 *
 * <pre>{@code
 * DSLContext ctx = TipJooq.using(tipDataSource, SQLDialect.POSTGRES);
 * ctx.insertInto(ORDERS, ORDERS.CUSTOMER).values("ann").returning(ORDERS.ID).fetchOne();
 * }</pre>
 */
public final class TipJooq {

    private TipJooq() {
    }

    /** A DSLContext over the data source with {@link #settings()}. */
    public static DSLContext using(TipDataSource dataSource, SQLDialect dialect) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(dialect, "dialect");
        return DSL.using(dataSource, dialect, settings());
    }

    /** Default jOOQ settings with unqualified, unquoted, lower-case names. */
    public static Settings settings() {
        return apply(new Settings());
    }

    /** The given settings changed so that names render unqualified, unquoted and lower case. */
    public static Settings apply(Settings settings) {
        return settings.withRenderSchema(false).withRenderCatalog(false)
                .withRenderQuotedNames(RenderQuotedNames.NEVER).withRenderNameCase(RenderNameCase.LOWER);
    }
}
