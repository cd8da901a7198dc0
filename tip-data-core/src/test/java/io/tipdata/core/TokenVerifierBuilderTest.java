package io.tipdata.core;

import static io.tipdata.core.TokenFixtures.ring;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TokenVerifierBuilderTest {

    private final TokenVerifier.Builder builder = TokenVerifier.builder(ring("k1", 1));

    @Test
    void maxLifetimeMustBePositiveAndBounded() {
        assertThatThrownBy(() -> builder.maxLifetime(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxLifetime PT0S must be positive and at most PT8784H, e.g. PT24H");
        assertThatThrownBy(() -> builder.maxLifetime(Duration.ofSeconds(-1)).build())
                .hasMessageStartingWith("maxLifetime PT-1S must be positive");
        assertThatThrownBy(() -> builder.maxLifetime(null).build()).hasMessageStartingWith("maxLifetime null");
        assertThatThrownBy(() -> builder.maxLifetime(Duration.ofDays(367)).build())
                .hasMessageStartingWith("maxLifetime PT8808H must be positive and at most PT8784H");
        assertThatThrownBy(() -> builder.maxLifetime(Duration.ofSeconds(Long.MAX_VALUE)).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(builder.maxLifetime(Duration.ofDays(366)).build().maxLifetime()).isEqualTo(Duration.ofDays(366));
    }

    @Test
    void clockSkewMustBeBetweenZeroAndTenMinutes() {
        assertThatThrownBy(() -> builder.clockSkew(Duration.ofSeconds(-1)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("clockSkew PT-1S must be between PT0S and PT10M, e.g. PT30S");
        assertThatThrownBy(() -> builder.clockSkew(Duration.ofMinutes(10).plusSeconds(1)).build())
                .hasMessageStartingWith("clockSkew PT10M1S must be between");
        assertThatThrownBy(() -> builder.clockSkew(null).build()).hasMessageStartingWith("clockSkew null");
        assertThat(builder.clockSkew(Duration.ZERO).build().clockSkew()).isZero();
        assertThat(builder.clockSkew(Duration.ofMinutes(10)).build().clockSkew()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void maxLengthMustFitTheLongestToken() {
        assertThatThrownBy(() -> builder.maxLength(132).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxLength 132 must be between 133 (the longest well-formed token) and 8192");
        assertThatThrownBy(() -> builder.maxLength(8193).build()).hasMessageStartingWith("maxLength 8193");
        assertThat(builder.maxLength(133).build().maxLength()).isEqualTo(133);
        assertThat(builder.maxLength(8192).build().maxLength()).isEqualTo(8192);
    }

    @Test
    void clockIsRequired() {
        assertThatThrownBy(() -> builder.clock(null).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("clock is null; give a Clock, e.g. Clock.systemUTC()");
    }

    @Test
    void keyRingIsRequired() {
        assertThatThrownBy(() -> TokenVerifier.builder(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("keyRing");
    }

    @Test
    void toStringShowsSettings() {
        assertThat(builder.build().toString()).isEqualTo("TokenVerifier[KeyRing[signing=k1, verifying=[k1]],"
                + " maxLifetime=PT24H, clockSkew=PT30S, maxLength=256]");
    }
}
