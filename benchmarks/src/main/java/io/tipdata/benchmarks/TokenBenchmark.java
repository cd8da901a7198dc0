package io.tipdata.benchmarks;

import io.tipdata.core.KeyRing;
import io.tipdata.core.TokenMinter;
import io.tipdata.core.TokenVerification;
import io.tipdata.core.TokenVerifier;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Cost of one run-token verification as the servlet filter pays it per marked request: a valid token,
 * a token whose signature does not match (full HMAC computed, then rejected), a malformed value (rejected
 * before any HMAC), and minting one token.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TokenBenchmark {

    private TokenMinter minter;
    private TokenVerifier verifier;
    private Instant expires;
    private String valid;
    private String badSignature;
    private String malformed;

    @Setup
    public void setUp() {
        byte[] secret = new byte[32];
        for (int i = 0; i < secret.length; i++) {
            secret[i] = (byte) (31 * i + 7);
        }
        KeyRing ring = KeyRing.builder().signingKey("bench-key", secret).build();
        minter = TokenMinter.of(ring);
        verifier = TokenVerifier.builder(ring).build();
        expires = Instant.now().plus(1, ChronoUnit.HOURS);
        valid = minter.mint("checkout-load-2026-11-26", expires);
        char last = valid.charAt(valid.length() - 2);
        badSignature = valid.substring(0, valid.length() - 2) + (last == 'A' ? 'B' : 'A') + valid.charAt(valid.length() - 1);
        malformed = "v1.checkout-load-2026-11-26.not-a-number.bench-key." + valid.substring(valid.lastIndexOf('.') + 1);
        check(verifier.verify(valid).isAccepted(), "valid token is accepted");
        check(!verifier.verify(badSignature).isAccepted(), "tampered token is rejected");
        check(!verifier.verify(malformed).isAccepted(), "malformed token is rejected");
    }

    @Benchmark
    public TokenVerification verifyValid() {
        return verifier.verify(valid);
    }

    @Benchmark
    public TokenVerification verifyBadSignature() {
        return verifier.verify(badSignature);
    }

    @Benchmark
    public TokenVerification verifyMalformed() {
        return verifier.verify(malformed);
    }

    @Benchmark
    public String mint() {
        return minter.mint("checkout-load-2026-11-26", expires);
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("benchmark set-up is wrong: expected that " + what);
        }
    }
}
