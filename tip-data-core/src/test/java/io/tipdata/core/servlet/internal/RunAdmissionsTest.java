package io.tipdata.core.servlet.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tipdata.core.InMemoryRunRegistry;
import io.tipdata.core.RunRegistry;
import io.tipdata.core.TestRun;
import io.tipdata.core.servlet.internal.RunAdmissions.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RunAdmissionsTest {

    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    static final Duration D = Duration.ofMinutes(1);
    static final Duration S = Duration.ofSeconds(30);

    /** A clock the test moves, offset from a shared base: one per instance, one for the database. */
    static final class Moving extends Clock {
        static Instant base = T0;
        final Duration offset;

        Moving(Duration offset) {
            this.offset = offset;
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return base.plus(offset);
        }
    }

    /** Counts the round trips to the registry. */
    static final class Counting implements RunRegistry {
        final InMemoryRunRegistry target;
        final AtomicInteger trips = new AtomicInteger();

        Counting(InMemoryRunRegistry target) {
            this.target = target;
        }

        @Override
        public Admission admit(TestRun run) {
            trips.incrementAndGet();
            return target.admit(run);
        }

        @Override
        public void register(TestRun run) {
            trips.incrementAndGet();
            target.register(run);
        }

        @Override
        public java.util.Optional<TestRun> find(String runId) {
            trips.incrementAndGet();
            return target.find(runId);
        }

        @Override
        public java.util.Optional<RunStatus> status(String runId) {
            trips.incrementAndGet();
            return target.status(runId);
        }

        @Override
        public java.util.List<TestRun> expiredBefore(Instant instant) {
            return target.expiredBefore(instant);
        }

        @Override
        public void markPurged(String runId) {
            target.markPurged(runId);
        }
    }

    @Test
    void oneRoundTripForANewRunAndNoneWhileKnownActiveLongEnough() {
        Moving.base = T0;
        Counting registry = new Counting(new InMemoryRunRegistry(new Moving(Duration.ZERO)));
        RunAdmissions admissions = new RunAdmissions(registry, D, S, Duration.ofSeconds(10), new Moving(Duration.ZERO));
        TestRun run = TestRun.of("cached", T0, T0.plus(Duration.ofHours(1)));

        assertThat(admissions.admit(run)).isEqualTo(Outcome.ACCEPTED);
        assertThat(registry.trips.get()).isEqualTo(1);
        for (int i = 0; i < 50; i++) {
            assertThat(admissions.admit(run)).isEqualTo(Outcome.ACCEPTED);
        }
        assertThat(registry.trips.get()).isEqualTo(1);

        admissions.admit(TestRun.of("cached", T0, T0.plus(Duration.ofHours(2))));   // extends: must ask
        assertThat(registry.trips.get()).isEqualTo(2);
    }

    @Test
    void aCachedRunPurgedNowIsRefusedOnceTheCacheTimeHasPassed() throws Exception {
        Moving.base = T0;
        InMemoryRunRegistry memory = new InMemoryRunRegistry(new Moving(Duration.ZERO));
        RunAdmissions admissions = new RunAdmissions(memory, D, S, Duration.ofMillis(50), new Moving(Duration.ZERO));
        TestRun run = TestRun.of("forced", T0, T0.plus(Duration.ofHours(1)));
        admissions.admit(run);

        assertThat(memory.claim("forced", "harness", Duration.ofMinutes(1), true)).isTrue();
        Thread.sleep(80);

        assertThat(admissions.admit(run)).isEqualTo(Outcome.PURGED);
    }

    /**
     * The argument of {@link RunAdmissions}, played out: two instances whose clocks are {@code S} ahead and behind
     * the database, a purger claiming the run as soon as the database allows, requests every five seconds on both
     * instances. Every accepted request must end (D later, in database time) before the claim.
     */
    @Test
    void noAdmittedRequestCanStillRunWhenThePurgeStartsWhateverTheSkew() {
        for (Duration grace : new Duration[] {Duration.ZERO, Duration.ofSeconds(40), Duration.ofMinutes(5)}) {
            Moving.base = T0;
            InMemoryRunRegistry db = new InMemoryRunRegistry(new Moving(Duration.ZERO));
            RunAdmissions ahead = new RunAdmissions(db, D, S, Duration.ofMinutes(10), new Moving(S));
            RunAdmissions behind = new RunAdmissions(db, D, S, Duration.ofMinutes(10), new Moving(S.negated()));
            Instant tokenExpiry = T0.plus(Duration.ofMinutes(10));
            Instant claimedAt = null;
            Instant lastRequestEnd = null;
            for (int step = 0; step < 12 * 20 && claimedAt == null; step++) {
                Moving.base = T0.plusSeconds(5L * step);
                for (RunAdmissions instance : new RunAdmissions[] {ahead, behind}) {
                    Instant created = T0;
                    TestRun run = TestRun.of("skewed", created, tokenExpiry.plus(grace));
                    if (instance.admit(run) == Outcome.ACCEPTED) {
                        lastRequestEnd = Moving.base.plus(D);   // database time at the request's latest end
                    }
                }
                if (db.claim("skewed", "purger", Duration.ofMinutes(1), false)) {
                    claimedAt = Moving.base;
                }
            }
            assertThat(claimedAt).as("grace " + grace).isNotNull();
            assertThat(lastRequestEnd).as("grace " + grace).isNotNull().isBeforeOrEqualTo(claimedAt);
        }
    }
}
