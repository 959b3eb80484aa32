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
        AccessToken byClaim = defaults.token("not-a-real-token", Optional.empty(), Optional.empty(), RECEIVED,
                Optional.of(3600L),
                Optional.of(RECEIVED.plusSeconds(600)));
        AccessToken byAnswer = defaults.token("not-a-real-token", Optional.empty(), Optional.empty(), RECEIVED,
                Optional.of(300L),
                Optional.of(RECEIVED.plusSeconds(600)));

        assertThat(byClaim.expiresAt()).as("exp earlier").isEqualTo(RECEIVED.plusSeconds(600));
        assertThat(byAnswer.expiresAt()).as("accessExpiresIn earlier").isEqualTo(RECEIVED.plusSeconds(300));
    }

    @Test
    void should_keep_a_margin_of_the_smaller_of_60_s_and_a_tenth() {
        AccessToken hour = defaults.token("t", Optional.empty(), Optional.empty(), RECEIVED, Optional.of(3600L),
                Optional.empty());
        AccessToken minute = defaults.token("t", Optional.empty(), Optional.empty(), RECEIVED, Optional.of(60L),
                Optional.empty());

        assertThat(Duration.between(hour.refreshFrom(), hour.expiresAt())).as("60 s for an hour")
                .isEqualTo(Duration.ofSeconds(60));
        assertThat(Duration.between(minute.refreshFrom(), minute.expiresAt())).as("6 s for a minute")
                .isEqualTo(Duration.ofSeconds(6));
        assertThat(Duration.between(minute.refreshFrom(), minute.dropAt())).as("dropped halfway through the margin")
                .isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void should_use_a_configured_margin_but_keep_half_the_lifetime() {
        TokenLifetime fixed = new TokenLifetime(Optional.of(Duration.ofSeconds(90)));

        AccessToken token = fixed.token("t", Optional.empty(), Optional.empty(), RECEIVED, Optional.of(120L),
                Optional.empty());

        assertThat(token.refreshFrom()).as("margin capped at half of 120 s").isEqualTo(RECEIVED.plusSeconds(60));
    }

    @Test
    void should_count_from_the_local_receive_time_not_the_servers_clock() {
        // A server clock an hour ahead writes an exp far in the future; accessExpiresIn from local time still rules.
        AccessToken token = defaults.token("t", Optional.empty(), Optional.empty(), RECEIVED, Optional.of(300L),
                Optional.of(RECEIVED.plusSeconds(3600 + 300)));

        assertThat(token.expiresAt()).as("local receive time plus accessExpiresIn")
                .isEqualTo(RECEIVED.plusSeconds(300));
    }

    @Test
    void should_refuse_a_token_that_is_already_expired() {
        assertThatThrownBy(() -> defaults.token("t", Optional.empty(), Optional.empty(), RECEIVED, Optional.empty(),
                Optional.of(RECEIVED.minusSeconds(5)))).isInstanceOf(LoginFailedException.class)
                .hasMessageContaining("expired");
    }

    @Test
    void should_never_show_the_token_in_its_text() {
        AccessToken token = defaults.token("eyJ.not-a-real-token", Optional.of("not-a-real-refresh-token"),
                Optional.empty(), RECEIVED,
                Optional.of(300L), Optional.empty());

        assertThat(token.toString()).as("toString").doesNotContain("not-a-real-token")
                .doesNotContain("not-a-real-refresh-token");
    }
}
