package io.tipdata.jdbc.micrometer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.tipdata.jdbc.SchemaProblem;
import io.tipdata.jdbc.StatementListener;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts what {@code TipDataSource} did with test statements, as the counter {@value #STATEMENTS} with the tags
 * {@value #OUTCOME_TAG} ({@code rewritten} or {@code refused}) and {@value #TABLE_TAG} (once per table the
 * statement names; {@code none} when none is known), and the shadow schema problems found, as
 * {@value #PROBLEMS} with the tag {@value #TABLE_TAG}. Production statements are not counted. Register it as a
 * listener of the data source and bind it to a registry:
 *
 * <pre>{@code
 * StatementMetrics metrics = new StatementMetrics();
 * metrics.bindTo(meterRegistry);
 * DataSource ds = TipDataSource.wrap(hikari).policies(policies).listener(metrics).build();
 * }</pre>
 *
 * <p>Events before {@link #bindTo} are not counted. Bound to several registries, the last one counts.
 */
public final class StatementMetrics implements StatementListener, MeterBinder {

    /** Name of the statement counter. */
    public static final String STATEMENTS = "tip.statements";
    /** Name of the schema problem counter. */
    public static final String PROBLEMS = "tip.shadow.problems";
    /** Tag telling what was done: rewritten or refused. */
    public static final String OUTCOME_TAG = "outcome";
    /** Tag holding the table. */
    public static final String TABLE_TAG = "table";

    private final Tags extraTags;
    private volatile Bound bound;

    /** Metrics without extra tags. */
    public StatementMetrics() {
        this(Tags.empty());
    }

    /** Metrics with extra tags on every counter (e.g. the application name). */
    public StatementMetrics(Iterable<Tag> extraTags) {
        this.extraTags = Tags.of(Objects.requireNonNull(extraTags, "extraTags"));
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        bound = new Bound(Objects.requireNonNull(registry, "registry"), extraTags);
    }

    @Override
    public void onRewritten(String runId, String original, String sent, List<String> tables) {
        Bound b = bound;
        if (b != null) {
            b.count(b.rewritten, "rewritten", tables);
        }
    }

    @Override
    public void onRefused(String runId, String original, String reason, List<String> tables) {
        Bound b = bound;
        if (b != null) {
            b.count(b.refused, "refused", tables);
        }
    }

    @Override
    public void onSchemaProblem(SchemaProblem problem) {
        Bound b = bound;
        if (b != null) {
            b.problems.computeIfAbsent(problem.table().toLowerCase(Locale.ROOT), t -> Counter.builder(PROBLEMS)
                    .description("Shadow schema problems found by tip-data; test traffic on the table is refused")
                    .tags(b.tags).tag(TABLE_TAG, t).register(b.registry)).increment();
        }
    }

    private static final class Bound {
        final MeterRegistry registry;
        final Tags tags;
        final Map<String, Counter> rewritten = new ConcurrentHashMap<>();
        final Map<String, Counter> refused = new ConcurrentHashMap<>();
        final Map<String, Counter> problems = new ConcurrentHashMap<>();

        Bound(MeterRegistry registry, Tags tags) {
            this.registry = registry;
            this.tags = tags;
        }

        void count(Map<String, Counter> counters, String outcome, List<String> tables) {
            if (tables.isEmpty()) {
                counter(counters, outcome, "none").increment();
            }
            for (int i = 0; i < tables.size(); i++) {
                counter(counters, outcome, tables.get(i)).increment();
            }
        }

        private Counter counter(Map<String, Counter> counters, String outcome, String table) {
            Counter c = counters.get(table);
            return c != null ? c : counters.computeIfAbsent(table, t -> Counter.builder(STATEMENTS)
                    .description("Test-context statements, by what tip-data did and the tables they name")
                    .tags(tags).tag(OUTCOME_TAG, outcome).tag(TABLE_TAG, t).register(registry));
        }
    }
}
