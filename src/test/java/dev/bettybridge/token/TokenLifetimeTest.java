package dev.bettybridge.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenLifetimeTest {

    private static final Instant RECEIVED = Instant.parse("2026-12-03T12:00:00Z");

    private final TokenLifetime defaults = new TokenLifetime(Optional.empty());

    @Test
    void should_take_the_earlier_of_expires_in_and_the_jwt_exp() {
        AccessToken byClaim = defaults.token("not-a-real-token", Optional.empty(), RECEIVED, Optional.of(3600L),
                Optional.of(RECEIVED.plusSeconds(600)));
        AccessToken byAnswer = defaults.token("not-a-real-token", Optional.empty(), RECEIVED, Optional.of(300L),
                Optional.of(RECEIVED.plusSeconds(600)));

        assertThat(byClaim.expiresAt()).as("exp earlier").isEqualTo(RECEIVED.plusSeconds(600));
        assertThat(byAnswer.expiresAt()).as("accessExpiresIn earlier").isEqualTo(RECEIVED.plusSeconds(300));
    }

    @Test
    void should_keep_a_margin_of_the_smaller_of_60_s_and_a_tenth() {
        AccessToken hour = defaults.token("t", Optional.empty(), RECEIVED, Optional.of(3600L), Optional.empty());
        AccessToken minute = defaults.token("t", Optional.empty(), RECEIVED, Optional.of(60L), Optional.empty());

        assertThat(Duration.between(hour.useUntil(), hour.expiresAt())).as("60 s for an hour")
                .isEqualTo(Duration.ofSeconds(60));
        assertThat(Duration.between(minute.useUntil(), minute.expiresAt())).as("6 s for a minute")
                .isEqualTo(Duration.ofSeconds(6));
    }

    @Test
    void should_refuse_a_token_that_is_already_expired() {
        assertThatThrownBy(() -> defaults.token("t", Optional.empty(), RECEIVED, Optional.empty(),
                Optional.of(RECEIVED.minusSeconds(5)))).isInstanceOf(LoginFailedException.class)
                .hasMessageContaining("expired");
    }

    @Test
    void should_never_show_the_token_in_its_text() {
        AccessToken token = defaults.token("eyJ.not-a-real-token", Optional.of("not-a-real-refresh-token"), RECEIVED,
                Optional.of(300L), Optional.empty());

        assertThat(token.toString()).as("toString").doesNotContain("not-a-real-token")
                .doesNotContain("not-a-real-refresh-token");
    }
}
