package dev.bettybridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sandbox's settings: defaults, parsing of bridge.sandbox.* keys, validation and secrecy. */
class SandboxConfigTest {

    @Test
    void should_use_the_documented_defaults_when_nothing_is_set() {
        SandboxConfig config = SandboxConfig.from(key -> null);

        assertThat(config).as("from() with no keys equals defaults()").isEqualTo(SandboxConfig.defaults());
        assertThat(config.port()).as("port").isEqualTo(8585);
        assertThat(config.inputName()).as("input name").isEqualTo("file");
        assertThat(config.tokenLifetime()).as("token lifetime").isEqualTo(Duration.ofSeconds(300));
        assertThat(config.refreshLifetime()).as("refresh lifetime").isEqualTo(Duration.ofSeconds(3600));
        assertThat(config.latency()).as("no latency").isZero();
        assertThat(config.errorHttpStatus()).as("errors with HTTP 200").isEqualTo(200);
    }

    @Test
    void should_read_every_key_when_all_are_set() {
        Map<String, String> values = new HashMap<>();
        values.put("bridge.sandbox.port", "0");
        values.put("bridge.sandbox.app-uuid", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
        values.put("bridge.sandbox.action-id", "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");
        values.put("bridge.sandbox.auth-profile-uuid", "cccccccccccccccccccccccccccccccc");
        values.put("bridge.sandbox.username", "someone");
        values.put("bridge.sandbox.password", "fake-password");
        values.put("bridge.sandbox.input-name", "document");
        values.put("bridge.sandbox.token-lifetime", "5m");
        values.put("bridge.sandbox.refresh-lifetime", "1h");
        values.put("bridge.sandbox.latency", "20ms");
        values.put("bridge.sandbox.failure-rate", "0.25");
        values.put("bridge.sandbox.rate-limit-per-minute", "200");
        values.put("bridge.sandbox.revoke-every", "7");
        values.put("bridge.sandbox.error-http-status", "400");

        SandboxConfig config = SandboxConfig.from(values::get);

        assertThat(config).as("every key is read").isEqualTo(new SandboxConfig(0,
                "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
                "cccccccccccccccccccccccccccccccc", "someone", "fake-password", "document",
                Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofMillis(20), 0.25, 200, 7, 400));
    }

    @Test
    void should_accept_each_duration_form_when_parsing_durations() {
        assertThat(SandboxConfig.parseDuration("k", "300s")).as("seconds").isEqualTo(Duration.ofSeconds(300));
        assertThat(SandboxConfig.parseDuration("k", "20ms")).as("millis").isEqualTo(Duration.ofMillis(20));
        assertThat(SandboxConfig.parseDuration("k", "5m")).as("minutes").isEqualTo(Duration.ofMinutes(5));
        assertThat(SandboxConfig.parseDuration("k", "1h")).as("hours").isEqualTo(Duration.ofHours(1));
        assertThat(SandboxConfig.parseDuration("k", " 42 ")).as("plain seconds").isEqualTo(Duration.ofSeconds(42));
        assertThat(SandboxConfig.parseDuration("k", "PT2M")).as("ISO-8601").isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void should_keep_the_default_when_a_key_is_blank() {
        SandboxConfig config = SandboxConfig.from(key -> "");

        assertThat(config).as("blank means absent").isEqualTo(SandboxConfig.defaults());
    }

    @Test
    void should_name_the_key_and_value_when_a_value_is_malformed() {
        assertThatThrownBy(() -> SandboxConfig.from(Map.of("bridge.sandbox.latency", "soon")::get))
                .as("bad duration").isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bridge.sandbox.latency").hasMessageContaining("'soon'");
        assertThatThrownBy(() -> SandboxConfig.from(Map.of("bridge.sandbox.port", "eighty")::get))
                .as("bad number").isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bridge.sandbox.port").hasMessageContaining("'eighty'");
        assertThatThrownBy(() -> SandboxConfig.from(Map.of("bridge.sandbox.failure-rate", "1.5")::get))
                .as("out of range").isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bridge.sandbox.failure-rate").hasMessageContaining("1.5");
        assertThatThrownBy(() -> SandboxConfig.from(Map.of("bridge.sandbox.error-http-status", "99")::get))
                .as("not an HTTP status").isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bridge.sandbox.error-http-status");
        assertThatThrownBy(() -> SandboxConfig.from(Map.of("bridge.sandbox.token-lifetime", "500ms")::get))
                .as("JWT times are whole seconds").isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bridge.sandbox.token-lifetime");
    }

    @Test
    void should_not_show_the_password_when_printed() {
        SandboxConfig config = SandboxConfig.defaults().withCredentials("someone", "fake-secret-password");

        assertThat(config.toString()).as("toString masks the password")
                .doesNotContain("fake-secret-password")
                .contains("someone");
    }

    @Test
    void should_replace_only_the_named_field_when_a_with_method_is_used() {
        SandboxConfig base = SandboxConfig.defaults();

        SandboxConfig changed = base.withLatency(Duration.ofMillis(5)).withFailureRate(0.5).withRateLimitPerMinute(9)
                .withRevokeEvery(3).withTokenLifetime(Duration.ofSeconds(2)).withErrorHttpStatus(400).withPort(0);

        assertThat(changed).as("the changed fields")
                .extracting(SandboxConfig::latency, SandboxConfig::failureRate, SandboxConfig::rateLimitPerMinute,
                        SandboxConfig::revokeEvery, SandboxConfig::tokenLifetime, SandboxConfig::errorHttpStatus,
                        SandboxConfig::port)
                .containsExactly(Duration.ofMillis(5), 0.5, 9, 3, Duration.ofSeconds(2), 400, 0);
        assertThat(changed.appUuid()).as("the rest stays").isEqualTo(base.appUuid());
        assertThat(changed.password()).as("the rest stays").isEqualTo(base.password());
    }
}
