package io.tipdata.hibernate.internal;

import io.tipdata.core.TestRun;
import io.tipdata.core.TipContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.context.spi.CurrentTenantIdentifierResolver;

/**
 * The tenant identifiers tip-data gives Hibernate sessions: {@value #PRODUCTION} for a session opened in
 * production, {@code tip:run:<runId>} for one opened in a test run. Hibernate puts the tenant identifier
 * into every second-level, collection, query and natural-id cache key and hands it to the connection
 * provider, so the run a session was opened in decides both its cache partition and its connections.
 *
 * <p>With the application's own {@link CurrentTenantIdentifierResolver} the identifier carries both:
 * {@code <application tenant>|tip:production} or {@code <application tenant>|tip:run:<runId>}, so caches key on
 * both axes; the application's tenant (as its resolver gave it) is recovered with {@link #appTenantOf(Object)} for
 * {@code @TenantId} columns and their filter.
 *
 * <p>The runs seen are remembered (by id) so that the connection provider can bind the {@link TestRun}
 * itself; a purged run is forgotten with {@link #forget(String)}.
 */
public final class RunTenants {

    /** The tenant identifier of production sessions. */
    public static final String PRODUCTION = "tip:production";
    /** The prefix of a test run's tenant identifier. */
    public static final String RUN_PREFIX = "tip:run:";
    /** Between the application's tenant and tip-data's in a composed tenant identifier. */
    public static final char SEPARATOR = '|';

    private final Map<String, TestRun> runs = new ConcurrentHashMap<>();
    private final Map<String, Object> appTenants = new ConcurrentHashMap<>();
    private final CurrentTenantIdentifierResolver<Object> app;

    /** Tenants of tip-data alone. */
    public RunTenants() {
        this(null);
    }

    /** Tenants composed with the application's resolver ({@code null}: tip-data's alone). */
    public RunTenants(CurrentTenantIdentifierResolver<Object> app) {
        this.app = app;
    }

    /** Tells whether the identifiers carry an application tenant. */
    public boolean composesAppTenants() {
        return app != null;
    }

    /** The application's resolver, or {@code null}. */
    public CurrentTenantIdentifierResolver<Object> appResolver() {
        return app;
    }

    /** The tenant identifier for the context current on this thread, remembering its run. */
    public String current() {
        TestRun run = TipContext.currentOrNull();
        String tip;
        if (run == null) {
            tip = PRODUCTION;
        } else {
            runs.put(run.runId(), run);
            tip = RUN_PREFIX + run.runId();
        }
        if (app == null) {
            return tip;
        }
        Object appTenant = app.resolveCurrentTenantIdentifier();
        if (appTenant == null) {
            return null; // Hibernate says that the application gave no tenant
        }
        String composed = String.valueOf(appTenant) + SEPARATOR + tip;
        appTenants.putIfAbsent(composed, appTenant);
        return composed;
    }

    /** The tenant identifier of the run with that id (without an application tenant). */
    public static String of(String runId) {
        return RUN_PREFIX + TestRun.requireValidRunId(runId);
    }

    /** The run of a tenant identifier, or {@code null} for production; refuses identifiers tip-data did not make. */
    public TestRun runOf(Object tenant) {
        String runId = runIdOf(tenant);
        if (runId == null) {
            return null;
        }
        TestRun run = runs.get(runId);
        if (run == null) {
            throw new IllegalStateException("no test run '" + runId + "' was seen by this session factory (it was"
                    + " evicted as purged, or the tenant identifier was set by hand); open sessions through"
                    + " SessionFactory.openSession() inside the run's TipContext scope");
        }
        return run;
    }

    /** The run id of a tenant identifier tip-data made, or {@code null} for production. */
    public static String runIdOf(Object tenant) {
        String tip = tipPart(tenant);
        if (PRODUCTION.equals(tip)) {
            return null;
        }
        if (tip != null && tip.startsWith(RUN_PREFIX) && TestRun.isValidRunId(tip.substring(RUN_PREFIX.length()))) {
            return tip.substring(RUN_PREFIX.length());
        }
        throw new IllegalArgumentException("tenant identifier '" + tenant + "' was not made by tip-data: with"
                + " tip-data-hibernate sessions take their tenant from the TipContext they are opened in ("
                + PRODUCTION + " or " + RUN_PREFIX + "<runId>, after '<application tenant>" + SEPARATOR + "' when the"
                + " application has a tenant resolver); do not set a tenant identifier on the session builder");
    }

    /** Tip-data's part of a tenant identifier (all of it when it has no application part). */
    static String tipPart(Object tenant) {
        if (!(tenant instanceof String s)) {
            return null;
        }
        int at = s.lastIndexOf(SEPARATOR);
        return at < 0 ? s : s.substring(at + 1);
    }

    /** Tells whether the value is a tenant identifier tip-data composed with an application tenant. */
    static boolean isComposed(Object tenant) {
        if (!(tenant instanceof String s) || s.lastIndexOf(SEPARATOR) < 0) {
            return false;
        }
        String tip = tipPart(s);
        return PRODUCTION.equals(tip) || tip.startsWith(RUN_PREFIX) && TestRun.isValidRunId(tip.substring(RUN_PREFIX.length()));
    }

    /**
     * The application's tenant in a composed identifier, as the application's resolver gave it; any other value
     * is returned as it is.
     */
    public Object appTenantOf(Object tenant) {
        if (!isComposed(tenant)) {
            return tenant;
        }
        Object known = appTenants.get(tenant);
        if (known != null) {
            return known;
        }
        String s = (String) tenant;
        return s.substring(0, s.lastIndexOf(SEPARATOR));
    }

    /** Tells whether the application's resolver calls the tenant of the identifier a root tenant. */
    boolean isRoot(Object tenant) {
        return app != null && isComposed(tenant) && app.isRoot(appTenantOf(tenant));
    }

    /** Forgets a run, so that no new connection is handed out for it. */
    public void forget(String runId) {
        runs.remove(runId);
        String suffix = SEPARATOR + RUN_PREFIX + runId;
        appTenants.keySet().removeIf(k -> k.endsWith(suffix));
    }
}
