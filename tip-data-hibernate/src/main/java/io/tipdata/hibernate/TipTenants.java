package io.tipdata.hibernate;

import io.tipdata.hibernate.internal.TenantConnections;
import io.tipdata.jdbc.Dialect;
import io.tipdata.jdbc.ShadowSchema;
import io.tipdata.jdbc.TablePolicies;
import io.tipdata.jdbc.TipDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.hibernate.engine.jdbc.connections.spi.MultiTenantConnectionProvider;

/**
 * How tip-data builds one {@link TipDataSource} per application tenant when the application has its own
 * {@link MultiTenantConnectionProvider} (schema or database per tenant). Give it as the setting
 * {@value #SETTING}, next to {@code hibernate.multi_tenant_connection_provider} and
 * {@code hibernate.tenant_identifier_resolver}:
 *
 * <pre>{@code
 * settings.put("hibernate.multi_tenant_connection_provider", schemaPerTenant);
 * settings.put("hibernate.tenant_identifier_resolver", tenantResolver);
 * settings.put(TipTenants.SETTING, TipTenants.of(policies));
 * }</pre>
 *
 * <p>For application tenant {@code T} tip-data builds, at the first session of {@code T} and once, a
 * {@code TipDataSource} over {@link #tenantDataSource(MultiTenantConnectionProvider, String)} (connections of the
 * application's provider for {@code T}, given back with {@code releaseConnection(T, c)}); sessions of
 * {@code T|tip:production} get its production connections, sessions of {@code T|tip:run:<id>} its connections for
 * the run. Its production schema is the one the application's provider sets on the connection; its shadow schema
 * is {@link #shadowSchemaOf(String, DataSource)}. Every tenant has the same policies. The twins of each tenant are
 * the application's to create: {@link #shadowSchemaFor(String, DataSource)} gives the {@code ShadowSchema} builder.
 *
 * <p>Without {@link #testConnections(Function)} each tenant's test statements run with the application provider's
 * login: only the first wall (the rewriter and its check) stands.
 */
public final class TipTenants {

    /** The setting that holds a {@code TipTenants}. */
    public static final String SETTING = "tip.hibernate.tenants";

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    private final TablePolicies policies;
    private Function<String, String> shadowSchema;
    private Function<String, DataSource> testConnections;
    private BiConsumer<String, TipDataSource.Builder> configure;

    private TipTenants(TablePolicies policies) {
        this.policies = policies;
    }

    /** Tenants whose TipDataSources all have these policies. */
    public static TipTenants of(TablePolicies policies) {
        return new TipTenants(Objects.requireNonNull(policies, "policies"));
    }

    /**
     * The shadow schema of each tenant (application tenant in, schema name out); default: on PostgreSQL and H2
     * {@code <tenant's schema>_tip_shadow} (lower case), on MariaDB {@code <tenant's database>_tip_shadow}.
     */
    public TipTenants shadowSchema(Function<String, String> perTenant) {
        this.shadowSchema = Objects.requireNonNull(perTenant, "perTenant");
        return this;
    }

    /**
     * The pool each tenant's test connections come from (the test identity, starting in the tenant's schema), see
     * {@code TipDataSource.Builder.testConnections}; {@code null} from the function: none for that tenant.
     */
    public TipTenants testConnections(Function<String, DataSource> perTenant) {
        this.testConnections = Objects.requireNonNull(perTenant, "perTenant");
        return this;
    }

    /** Anything else each tenant's builder needs (listeners, kill switch, recheck interval), called last. */
    public TipTenants configure(BiConsumer<String, TipDataSource.Builder> perTenant) {
        this.configure = Objects.requireNonNull(perTenant, "perTenant");
        return this;
    }

    /** The policies of every tenant. */
    public TablePolicies policies() {
        return policies;
    }

    /**
     * The connections of the application's provider for one tenant as a {@code DataSource}: {@code getConnection()}
     * is {@code provider.getConnection(tenant)}, and closing the connection is {@code releaseConnection(tenant, c)}.
     * For the tenant's {@code ShadowSchema} and {@code PurgeJob}.
     */
    public static DataSource tenantDataSource(MultiTenantConnectionProvider<String> provider, String tenant) {
        return new TenantConnections(provider, tenant);
    }

    /** The tenant's shadow schema: the function's if given, otherwise the default (see {@link #shadowSchema}). */
    public String shadowSchemaOf(String tenant, DataSource tenantConnections) throws SQLException {
        if (shadowSchema != null) {
            String s = shadowSchema.apply(tenant);
            if (s == null || !NAME.matcher(s).matches()) {
                throw new IllegalArgumentException("invalid shadow schema '" + s + "' for tenant '" + tenant + "': give"
                        + " 1 to 63 letters, digits and _, starting with a letter or _");
            }
            return s;
        }
        try (Connection c = tenantConnections.getConnection()) {
            Dialect dialect = Dialect.detect(c.getMetaData());
            String name = dialect == Dialect.MARIADB ? c.getCatalog() : c.getSchema();
            if (name == null) {
                throw new SQLException("the connection of tenant '" + tenant + "' has no current "
                        + (dialect == Dialect.MARIADB ? "database" : "schema") + ", so its shadow schema cannot be"
                        + " derived; set the schema in the MultiTenantConnectionProvider or give"
                        + " TipTenants.shadowSchema(...)");
            }
            String shadow = name.toLowerCase(Locale.ROOT) + "_" + ShadowSchema.DEFAULT_SCHEMA;
            if (dialect == Dialect.MARIADB) {
                shadow = name + "_" + ShadowSchema.DEFAULT_SCHEMA;
            }
            if (!NAME.matcher(shadow).matches()) {
                throw new SQLException("the shadow schema '" + shadow + "' derived for tenant '" + tenant + "' is not a"
                        + " plain name of at most 63 letters, digits and _; give TipTenants.shadowSchema(...)");
            }
            return shadow;
        }
    }

    /**
     * A {@code ShadowSchema} builder for the tenant's twins (its policies and shadow schema set): add the test
     * identity if the tenant has one, then {@code build().create()}.
     */
    public ShadowSchema.Builder shadowSchemaFor(String tenant, DataSource tenantConnections) throws SQLException {
        return ShadowSchema.builder(tenantConnections).policies(policies)
                .shadowSchema(shadowSchemaOf(tenant, tenantConnections));
    }

    /** Builds the tenant's TipDataSource over its connections (tip-data calls it once per tenant). */
    public TipDataSource dataSourceFor(String tenant, DataSource tenantConnections) throws SQLException {
        TipDataSource.Builder b = TipDataSource.wrap(tenantConnections).policies(policies)
                .shadowSchema(shadowSchemaOf(tenant, tenantConnections));
        DataSource test = testConnections == null ? null : testConnections.apply(tenant);
        if (test != null) {
            b.testConnections(test);
        }
        if (configure != null) {
            configure.accept(tenant, b);
        }
        return b.build();
    }

    @Override
    public String toString() {
        return "TipTenants[" + policies + "]";
    }
}
