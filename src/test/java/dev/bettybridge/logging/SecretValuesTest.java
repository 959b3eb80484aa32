package dev.bettybridge.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretValuesTest {

    @Test
    void should_recognise_a_known_secret_anywhere_in_a_line() {
        SecretValues.add("not-a-real-password-31d9");

        assertThat(SecretValues.containedIn("user=bridge password=not-a-real-password-31d9 end"))
                .as("known value").isTrue();
        assertThat(SecretValues.containedIn("an ordinary line")).as("ordinary text").isFalse();
    }

    @Test
    void should_recognise_token_shapes_it_has_not_seen_yet() {
        assertThat(SecretValues.containedIn("<< {\"data\":{\"login\":{\"jwtToken\":\"abc\"}}}")).as("JSON field")
                .isTrue();
        assertThat(SecretValues.containedIn("Authorization: Bearer abcdefghijkl")).as("bearer header").isTrue();
        assertThat(SecretValues.containedIn("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.sig")).as("JWT").isTrue();
    }

    @Test
    void should_ignore_values_too_short_to_be_told_from_ordinary_text() {
        SecretValues.add("ab");

        assertThat(SecretValues.containedIn("a line about tabs")).as("short value not matched").isFalse();
    }
}
