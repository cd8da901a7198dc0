package io.tipdata.hibernate.internal;

import io.tipdata.core.TestRun;
import io.tipdata.core.TipContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tenant identifiers tip-data gives Hibernate sessions: {@value #PRODUCTION} for a session opened in
 * production, {@code tip:run:<runId>} for one opened in a test run. Hibernate puts the tenant identifier
 * into every second-level, collection, query and natural-id cache key and hands it to the connection
 * provider, so the run a session was opened in decides both its cache partition and its connections.
 *
 * <p>The runs seen are remembered (by id) so that the connection provider can bind the {@link TestRun}
 * itself; a purged run is forgotten with {@link #forget(String)}.
 */
public final class RunTenants {

    /** The tenant identifier of production sessions. */
    public static final String PRODUCTION = "tip:production";
    /** The prefix of a test run's tenant identifier. */
    public static final String RUN_PREFIX = "tip:run:";

    private final Map<String, TestRun> runs = new ConcurrentHashMap<>();

    /** The tenant identifier for the context current on this thread, remembering its run. */
    public String current() {
        TestRun run = TipContext.currentOrNull();
        if (run == null) {
            return PRODUCTION;
        }
        runs.put(run.runId(), run);
        return RUN_PREFIX + run.runId();
    }

    /** The tenant identifier of the run with that id. */
    public static String of(String runId) {
        return RUN_PREFIX + TestRun.requireValidRunId(runId);
    }

    /** The run of a tenant identifier, or {@code null} for production; refuses identifiers tip-data did not make. */
    public TestRun runOf(Object tenant) {
        if (PRODUCTION.equals(tenant)) {
            return null;
        }
        String runId = runIdOf(tenant);
        TestRun run = runs.get(runId);
        if (run == null) {
            throw new IllegalStateException("no test run '" + runId + "' was seen by this session factory (it was"
                    + " evicted as purged, or the tenant identifier was set by hand); open sessions through"
                    + " SessionFactory.openSession() inside the run's TipContext scope");
        }
        return run;
    }

    /** The run id of a run tenant identifier, or {@code null} for production. */
    public static String runIdOf(Object tenant) {
        if (PRODUCTION.equals(tenant)) {
            return null;
        }
        if (tenant instanceof String s && s.startsWith(RUN_PREFIX)
                && TestRun.isValidRunId(s.substring(RUN_PREFIX.length()))) {
            return s.substring(RUN_PREFIX.length());
        }
        throw new IllegalArgumentException("tenant identifier '" + tenant + "' was not made by tip-data: with"
                + " tip-data-hibernate sessions take their tenant from the TipContext they are opened in ("
                + PRODUCTION + " or " + RUN_PREFIX + "<runId>); do not set a tenant identifier on the session builder");
    }

    /** Forgets a run, so that no new connection is handed out for it. */
    public void forget(String runId) {
        runs.remove(runId);
    }
}
