package io.tipdata.core.servlet.internal;

import io.tipdata.core.KeyRing;
import io.tipdata.core.KeyRingLoader;
import io.tipdata.core.KillSwitch;
import io.tipdata.core.TokenVerifier;
import io.tipdata.core.servlet.TipFilter;
import jakarta.servlet.FilterConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.Map;
import java.util.Set;

/** Turns the init parameters of a {@code web.xml} filter declaration into a filter builder. */
public final class InitParameters {

    /** Request header name. */
    public static final String HEADER = "tip.header";
    /** Name of the environment variable that holds the verification keys. */
    public static final String KEY_ENV = "tip.key-env";
    /** Path of the file that holds the verification keys. */
    public static final String KEY_FILE = "tip.key-file";
    /** Longest lifetime a token may have left (ISO-8601 duration). */
    public static final String MAX_LIFETIME = "tip.max-lifetime";
    /** Tolerated clock difference (ISO-8601 duration). */
    public static final String CLOCK_SKEW = "tip.clock-skew";
    /** Longest accepted header value. */
    public static final String MAX_LENGTH = "tip.max-length";
    /** Time a run stays unpurged after its token expired (ISO-8601 duration). */
    public static final String GRACE_PERIOD = "tip.grace-period";
    /** {@code true}, {@code 1}, {@code yes} or {@code on} engages the global kill switch. */
    public static final String KILL = "tip.kill";
    /** Longest a marked request may take; a run is admitted only while it stays active longer (ISO-8601). */
    public static final String MAX_REQUEST_TIME = "tip.max-request-time";
    /** How long the filter trusts what the registry said about a run (ISO-8601; {@code PT0S} asks every time). */
    public static final String RUN_CACHE_TIME = "tip.run-cache-time";

    private static final Set<String> KNOWN = Set.of(HEADER, KEY_ENV, KEY_FILE, MAX_LIFETIME, CLOCK_SKEW, MAX_LENGTH,
            GRACE_PERIOD, KILL, MAX_REQUEST_TIME, RUN_CACHE_TIME);

    private InitParameters() {
    }

    /** Reads and checks the parameters; environment variables are read from {@code env}. */
    public static TipFilter.Builder read(FilterConfig config, Map<String, String> env) {
        for (String name : Collections.list(config.getInitParameterNames())) {
            if (name.startsWith("tip.") && !KNOWN.contains(name)) {
                throw new IllegalArgumentException("unknown init parameter '" + name + "'; known are " + KNOWN);
            }
        }
        TokenVerifier.Builder verifier = TokenVerifier.builder(keyRing(config, env));
        String maxLifetime = config.getInitParameter(MAX_LIFETIME);
        if (maxLifetime != null) {
            verifier.maxLifetime(duration(MAX_LIFETIME, maxLifetime));
        }
        String clockSkew = config.getInitParameter(CLOCK_SKEW);
        if (clockSkew != null) {
            verifier.clockSkew(duration(CLOCK_SKEW, clockSkew));
        }
        String maxLength = config.getInitParameter(MAX_LENGTH);
        if (maxLength != null) {
            verifier.maxLength(integer(MAX_LENGTH, maxLength));
        }
        TipFilter.Builder filter = TipFilter.builder(verifier.build());
        String header = config.getInitParameter(HEADER);
        if (header != null) {
            filter.headerName(header.strip());
        }
        String grace = config.getInitParameter(GRACE_PERIOD);
        if (grace != null) {
            filter.gracePeriod(duration(GRACE_PERIOD, grace));
        }
        String maxRequestTime = config.getInitParameter(MAX_REQUEST_TIME);
        if (maxRequestTime != null) {
            filter.maxRequestTime(duration(MAX_REQUEST_TIME, maxRequestTime));
        }
        String runCacheTime = config.getInitParameter(RUN_CACHE_TIME);
        if (runCacheTime != null) {
            filter.runCacheTime(duration(RUN_CACHE_TIME, runCacheTime));
        }
        String kill = config.getInitParameter(KILL);
        if (kill != null && KillSwitch.isOn("init parameter " + KILL, kill)) {
            KillSwitch.global().engage("engaged by init parameter " + KILL + "=" + kill.strip() + " of filter '"
                    + config.getFilterName() + "'");
        }
        return filter;
    }

    private static KeyRing keyRing(FilterConfig config, Map<String, String> env) {
        String variable = config.getInitParameter(KEY_ENV);
        String file = config.getInitParameter(KEY_FILE);
        if (variable != null && file != null) {
            throw new IllegalArgumentException("both " + KEY_ENV + " and " + KEY_FILE + " are set; give one of them");
        }
        if (variable != null) {
            return load(KEY_ENV, variable, KeyRingLoader.fromEnvironment(variable.strip(), env));
        }
        if (file != null) {
            return load(KEY_FILE, file, KeyRingLoader.fromFile(Path.of(file.strip())));
        }
        throw new IllegalArgumentException("no verification keys: set init parameter " + KEY_ENV
                + " (name of an environment variable) or " + KEY_FILE + " (path of a file)");
    }

    private static KeyRing load(String parameter, String value, KeyRingLoader loader) {
        try {
            return loader.load();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("init parameter " + parameter + "='" + value.strip() + "': "
                    + e.getMessage(), e);
        }
    }

    private static Duration duration(String name, String value) {
        try {
            return Duration.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("init parameter " + name + "='" + value
                    + "' is not an ISO-8601 duration; write e.g. PT24H or PT30M", e);
        }
    }

    private static int integer(String name, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("init parameter " + name + "='" + value + "' is not a whole number", e);
        }
    }
}
