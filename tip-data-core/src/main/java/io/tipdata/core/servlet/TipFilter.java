package io.tipdata.core.servlet;

import io.tipdata.core.InMemoryRunRegistry;
import io.tipdata.core.KillSwitch;
import io.tipdata.core.RejectReason;
import io.tipdata.core.RunQuarantine;
import io.tipdata.core.RunRegistry;
import io.tipdata.core.TestRun;
import io.tipdata.core.TipContext;
import io.tipdata.core.TokenVerification;
import io.tipdata.core.TokenVerifier;
import io.tipdata.core.servlet.internal.InitParameters;
import io.tipdata.core.servlet.internal.ListenerChain;
import io.tipdata.core.servlet.internal.ProblemResponse;
import io.tipdata.core.servlet.internal.RunAdmissions;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies the run header and binds the test run for exactly the duration of the request.
 *
 * <ul>
 *   <li>No header: production; the chain runs untouched. A test run still bound on the thread (leaked by
 *       earlier code that did not close its scope) is cleared for good before the chain runs, and reported
 *       once per thread at {@code WARN}: the request runs as production and the leaked binding is not
 *       restored afterwards.</li>
 *   <li>Kill switch engaged and the header present (valid or not): 503 {@code application/problem+json}
 *       with reason {@value #REASON_KILL_SWITCH}; the token is not even verified.</li>
 *   <li>Header present more than once, or invalid: 403 problem with the reason code; the chain is not
 *       called, and the request is neither served as production nor as test.</li>
 *   <li>Valid: the run is registered (expiry = token expiry + grace period) and bound with its token
 *       until the chain returns, at the cost of at most one registry round trip, none while this filter
 *       knows the run active for long enough (see {@link RunAdmissions}). A purged run gets 403
 *       {@value #REASON_RUN_PURGED}; a failing registry gets 503 {@value #REASON_REGISTRY_UNAVAILABLE}; a run in
 *       {@link RunQuarantine} gets 403 {@value #REASON_RUN_QUARANTINED}.</li>
 * </ul>
 *
 * <p>Map it first, for the {@code REQUEST} and {@code ASYNC} dispatcher types, with async support on
 * ({@link #addTo(ServletContext, String...)} does all three): every async dispatch passes through
 * again, re-verifies the header (it may have expired meanwhile) and binds the run for that dispatch
 * only. Work handed to {@code AsyncContext.start(Runnable)} runs on another thread where nothing is
 * bound; wrap it with {@link TipAsync}.
 *
 * <p>Build it with {@link #builder(TokenVerifier)}, or declare it in {@code web.xml}:
 * <pre>{@code
 * <filter>
 *   <filter-name>tip-data</filter-name>
 *   <filter-class>io.tipdata.core.servlet.TipFilter</filter-class>
 *   <async-supported>true</async-supported>
 *   <init-param><param-name>tip.key-env</param-name><param-value>TIP_KEYS</param-value></init-param>
 * </filter>
 * <filter-mapping>
 *   <filter-name>tip-data</filter-name>
 *   <url-pattern>/*</url-pattern>
 *   <dispatcher>REQUEST</dispatcher>
 *   <dispatcher>ASYNC</dispatcher>
 * </filter-mapping>
 * }</pre>
 * See {@link #init(FilterConfig)} for the init parameters. The header value is never logged.
 */
public final class TipFilter implements Filter {

    /** The name under which {@link #addTo(ServletContext, String...)} registers the filter. */
    public static final String FILTER_NAME = "tip-data";
    /** The default run header. */
    public static final String DEFAULT_HEADER = "X-Tip-Run";
    /** The default time a run stays registered after its token expires, before it may be purged. */
    public static final Duration DEFAULT_GRACE_PERIOD = Duration.ofHours(1);
    /** The default longest time a marked request may take ({@link Builder#maxRequestTime}). */
    public static final Duration DEFAULT_MAX_REQUEST_TIME = Duration.ofMinutes(1);
    /** The default time the filter trusts a run's registry state ({@link Builder#runCacheTime}). */
    public static final Duration DEFAULT_RUN_CACHE_TIME = Duration.ofSeconds(10);
    /** Reason code: the run header was sent more than once. */
    public static final String REASON_DUPLICATE_HEADER = "duplicate-header";
    /** Reason code: the token is valid but its run has been purged. */
    public static final String REASON_RUN_PURGED = "run-purged";
    /** Reason code: the token is valid but its run is quarantined (see {@link RunQuarantine}). */
    public static final String REASON_RUN_QUARANTINED = "run-quarantined";
    /** Reason code: the run registry failed, so the run could not be recorded. */
    public static final String REASON_REGISTRY_UNAVAILABLE = "registry-unavailable";
    /** Reason code: the kill switch is engaged. */
    public static final String REASON_KILL_SWITCH = "kill-switch";

    private static final Logger LOG = LoggerFactory.getLogger(TipFilter.class);
    private static final ThreadLocal<Boolean> LEAK_REPORTED = ThreadLocal.withInitial(() -> Boolean.FALSE);
    private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64}");

    private volatile Settings settings;

    /** For servlet containers: the filter is configured from its init parameters in {@link #init}. */
    public TipFilter() {
    }

    private TipFilter(Settings settings) {
        this.settings = settings;
    }

    /** A builder of a filter that verifies tokens with the given verifier. */
    public static Builder builder(TokenVerifier verifier) {
        return new Builder(verifier);
    }

    /**
     * Reads the init parameters, unless the filter was built with {@link #builder}. Parameters:
     * {@code tip.key-env} (environment variable holding the verification keys) or {@code tip.key-file}
     * (file holding them), as {@code keyId=base64} entries separated by commas, spaces or new lines;
     * optional {@code tip.header}, {@code tip.max-lifetime}, {@code tip.clock-skew} and
     * {@code tip.grace-period}, {@code tip.max-request-time} and {@code tip.run-cache-time} (ISO-8601 durations
     * such as {@code PT24H}; see {@link Builder#maxRequestTime} and {@link Builder#runCacheTime}),
     * {@code tip.max-length}, and
     * {@code tip.kill=true}, which engages the global kill switch. Keys never go into {@code web.xml}.
     */
    @Override
    public void init(FilterConfig config) throws ServletException {
        if (settings != null) {
            LOG.debug("tip-data filter '{}' was built programmatically; its init parameters are not read",
                    config.getFilterName());
            return;
        }
        try {
            settings = InitParameters.read(config, System.getenv()).build().settings;
        } catch (RuntimeException e) {
            throw new ServletException("tip-data filter '" + config.getFilterName()
                    + "' is misconfigured: " + e.getMessage(), e);
        }
    }

    /**
     * Registers this filter as {@value #FILTER_NAME} in the context, async-supported and mapped before
     * other filters to the URL patterns (default {@code /*}) for REQUEST and ASYNC dispatches.
     */
    public FilterRegistration.Dynamic addTo(ServletContext context, String... urlPatterns) {
        FilterRegistration.Dynamic registration = context.addFilter(FILTER_NAME, this);
        if (registration == null) {
            throw new IllegalStateException("a filter named '" + FILTER_NAME + "' is registered already in context '"
                    + context.getContextPath() + "'; register the tip-data filter once");
        }
        registration.setAsyncSupported(true);
        registration.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC), false,
                urlPatterns.length == 0 ? new String[] {"/*"} : urlPatterns);
        return registration;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        Settings s = settings;
        if (s == null) {
            throw new ServletException("tip-data filter is not initialised: build it with TipFilter.builder(...)"
                    + " or let the container call init(FilterConfig)");
        }
        if (req instanceof HttpServletRequest request && res instanceof HttpServletResponse response) {
            String token = request.getHeader(s.headerName);
            if (token != null) {
                filterMarked(s, token, request, response, chain);
                return;
            }
        }
        if (TipContext.isTest()) {
            clearLeaked();
        }
        chain.doFilter(req, res);
    }

    /** Drops a binding leaked onto this thread by earlier code; it is not restored after the request. */
    private static void clearLeaked() {
        TestRun leaked = TipContext.currentOrNull();
        @SuppressWarnings("unused")
        TipContext.Scope dropped = TipContext.clear();
        if (!LEAK_REPORTED.get()) {
            LEAK_REPORTED.set(Boolean.TRUE);
            LOG.warn("tip-data found test run {} still bound on thread '{}' when a request arrived: earlier code did"
                    + " not close its TipContext scope. Cleared it for good; the request, which has no run header, runs as"
                    + " production. Reported once per thread.", leaked.runId(),
                    Thread.currentThread().getName());
        }
    }

    private static void filterMarked(Settings s, String token, HttpServletRequest request,
                                     HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (s.killSwitch.isEngaged()) {
            LOG.debug("tip-data refused a marked request: {}", REASON_KILL_SWITCH);
            s.listeners.killed(request);
            ProblemResponse.write(response, 503, "test-traffic-refused", "Test traffic refused",
                    "The tip-data kill switch is engaged; test traffic is refused until it is released.",
                    REASON_KILL_SWITCH);
            return;
        }
        if (sentTwice(request, s.headerName)) {
            reject(s, request, response, 403, REASON_DUPLICATE_HEADER, "The " + s.headerName
                    + " header appears more than once; send exactly one run token.");
            return;
        }
        TokenVerification v = s.verifier.verify(token);
        if (!v.isAccepted()) {
            reject(s, request, response, 403, v.reason().code(), "The " + s.headerName
                    + " header does not carry a valid run token (" + v.reason().code() + ").");
            return;
        }
        Instant now = s.clock.instant();
        Instant expires = v.expires().plus(s.gracePeriod);
        if (!expires.isAfter(now)) {
            reject(s, request, response, 403, RejectReason.EXPIRED.code(), "The " + s.headerName
                    + " header does not carry a valid run token (expired).");
            return;
        }
        if (s.quarantine.isQuarantined(v.runId())) {
            reject(s, request, response, 403, REASON_RUN_QUARANTINED, "The test run of this token is quarantined:"
                    + " tip-data could not confine one of its statements; start a new run with a new token.");
            return;
        }
        TestRun run = TestRun.of(v.runId(), now, expires);
        RunAdmissions.Outcome outcome;
        try {
            outcome = s.admissions.admit(run);
        } catch (RuntimeException e) {
            LOG.warn("tip-data run registry failed; refusing the marked request ({})", REASON_REGISTRY_UNAVAILABLE, e);
            reject(s, request, response, 503, REASON_REGISTRY_UNAVAILABLE,
                    "The test run could not be recorded in the run registry; try again later.");
            return;
        }
        if (outcome == RunAdmissions.Outcome.PURGED) {
            reject(s, request, response, 403, REASON_RUN_PURGED,
                    "The test run of this token has been purged; start a new run with a new token.");
            return;
        }
        if (outcome == RunAdmissions.Outcome.EXPIRED) {
            reject(s, request, response, 403, RejectReason.EXPIRED.code(), "The " + s.headerName
                    + " header does not carry a valid run token (expired).");
            return;
        }
        s.listeners.accepted(run.runId(), request);
        try (TipContext.Scope ignored = TipContext.bind(run, token)) {
            chain.doFilter(request, response);
        }
    }

    private static boolean sentTwice(HttpServletRequest request, String headerName) {
        Enumeration<String> values = request.getHeaders(headerName);
        if (values == null || !values.hasMoreElements()) {
            return false;
        }
        values.nextElement();
        return values.hasMoreElements();
    }

    private static void reject(Settings s, HttpServletRequest request, HttpServletResponse response, int status,
                               String reason, String detail) throws IOException {
        LOG.debug("tip-data rejected a marked request: {}", reason);
        s.listeners.rejected(reason, request);
        if (status == 403) {
            ProblemResponse.write(response, 403, "run-token-rejected", "Run token rejected", detail, reason);
        } else {
            ProblemResponse.write(response, status, "run-registry-unavailable", "Run registry unavailable",
                    detail, reason);
        }
    }

    @Override
    public String toString() {
        Settings s = settings;
        return s == null ? "TipFilter[not initialised]"
                : "TipFilter[header=" + s.headerName + ", grace=" + s.gracePeriod + ", maxRequestTime="
                + s.maxRequestTime + ", runCacheTime=" + s.runCacheTime + "]";
    }

    private static final class Settings {
        final TokenVerifier verifier;
        final String headerName;
        final RunRegistry registry;
        final Duration gracePeriod;
        final KillSwitch killSwitch;
        final RunQuarantine quarantine;
        final ListenerChain listeners;
        final Clock clock;
        final RunAdmissions admissions;
        final Duration maxRequestTime;
        final Duration runCacheTime;

        Settings(Builder b, RunRegistry registry) {
            this.maxRequestTime = b.maxRequestTime;
            this.runCacheTime = b.runCacheTime;
            this.verifier = b.verifier;
            this.headerName = b.headerName;
            this.registry = registry;
            this.gracePeriod = b.gracePeriod;
            this.killSwitch = b.killSwitch;
            this.quarantine = b.quarantine;
            this.listeners = new ListenerChain(b.listeners);
            this.clock = b.clock;
            this.admissions = new RunAdmissions(registry, b.maxRequestTime, b.verifier.clockSkew(), b.runCacheTime,
                    b.clock);
        }
    }

    /** Settings of a filter; {@link #build()} checks them. */
    public static final class Builder {
        private final TokenVerifier verifier;
        private String headerName = DEFAULT_HEADER;
        private RunRegistry registry;
        private Duration gracePeriod = DEFAULT_GRACE_PERIOD;
        private KillSwitch killSwitch = KillSwitch.global();
        private RunQuarantine quarantine = RunQuarantine.global();
        private final List<TipListener> listeners = new ArrayList<>();
        private Clock clock = Clock.systemUTC();
        private Duration maxRequestTime = DEFAULT_MAX_REQUEST_TIME;
        private Duration runCacheTime = DEFAULT_RUN_CACHE_TIME;

        private Builder(TokenVerifier verifier) {
            this.verifier = Objects.requireNonNull(verifier, "verifier");
        }

        /** The request header that carries the run token (default {@value TipFilter#DEFAULT_HEADER}). */
        public Builder headerName(String headerName) {
            this.headerName = headerName;
            return this;
        }

        /** Where runs are recorded (default a new {@link InMemoryRunRegistry}). */
        public Builder registry(RunRegistry registry) {
            this.registry = Objects.requireNonNull(registry, "registry");
            return this;
        }

        /** How long after its token expires a run stays unpurged (default one hour). */
        public Builder gracePeriod(Duration gracePeriod) {
            this.gracePeriod = gracePeriod;
            return this;
        }

        /** The switch that refuses all test traffic (default {@link KillSwitch#global()}). */
        public Builder killSwitch(KillSwitch killSwitch) {
            this.killSwitch = Objects.requireNonNull(killSwitch, "killSwitch");
            return this;
        }

        /** The quarantine whose runs' tokens are refused (default {@link RunQuarantine#global()}). */
        public Builder quarantine(RunQuarantine quarantine) {
            this.quarantine = Objects.requireNonNull(quarantine, "quarantine");
            return this;
        }

        /** Adds listeners, called in the order added. */
        public Builder listener(TipListener... listeners) {
            for (TipListener l : Arrays.asList(listeners)) {
                this.listeners.add(Objects.requireNonNull(l, "listener"));
            }
            return this;
        }

        /** The clock that stamps run creation (default UTC system clock). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The longest a marked request may take (default one minute): a run is admitted only
         * while it stays active for longer than that, so that no admitted request still writes when its purge
         * starts.
         */
        public Builder maxRequestTime(Duration maxRequestTime) {
            this.maxRequestTime = maxRequestTime;
            return this;
        }

        /**
         * How long this filter trusts what the registry said about a run before asking again (default
         * ten seconds; zero asks on every request). A purge forced before expiry waits at least
         * this plus the request time and clock skew before deleting.
         */
        public Builder runCacheTime(Duration runCacheTime) {
            this.runCacheTime = runCacheTime;
            return this;
        }

        /** The filter. */
        public TipFilter build() {
            if (maxRequestTime == null || maxRequestTime.isNegative() || maxRequestTime.compareTo(Duration.ofHours(1)) > 0) {
                throw new IllegalArgumentException("max request time " + maxRequestTime
                        + " must be between PT0S and PT1H, e.g. PT1M");
            }
            if (runCacheTime == null || runCacheTime.isNegative() || runCacheTime.compareTo(Duration.ofMinutes(10)) > 0) {
                throw new IllegalArgumentException("run cache time " + runCacheTime
                        + " must be between PT0S and PT10M, e.g. PT10S");
            }
            if (headerName == null || !HEADER_NAME.matcher(headerName).matches()) {
                throw new IllegalArgumentException("header name '" + headerName
                        + "' is not a valid HTTP header name; use 1 to 64 token characters, e.g. X-Tip-Run");
            }
            if (gracePeriod == null || gracePeriod.isNegative() || gracePeriod.compareTo(Duration.ofDays(30)) > 0) {
                throw new IllegalArgumentException("grace period " + gracePeriod
                        + " must be between PT0S and P30D, e.g. PT1H");
            }
            return new TipFilter(new Settings(this, registry != null ? registry : new InMemoryRunRegistry()));
        }
    }
}
