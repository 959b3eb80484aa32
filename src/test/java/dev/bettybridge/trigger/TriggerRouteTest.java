package dev.bettybridge.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bettybridge.support.RunningBridge;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared trigger route against a sandbox that fails on purpose. */
class TriggerRouteTest {

    @TempDir
    Path inbox;

    private RunningBridge bridge;

    @AfterEach
    void stopBridge() {
        if (bridge != null) {
            bridge.close();
        }
    }

    @Test
    void should_give_up_after_the_configured_attempts_when_the_server_keeps_failing() {
        bridge = RunningBridge.start(inbox, Map.of(
                "bridge.sandbox.failure-rate", "1",
                "bridge.retry.max-attempts", "3",
                "bridge.retry.first-delay", "100ms"));
        Instant start = Instant.now();

        ActionOutcome outcome = bridge.trigger(new TriggerRequest("https://example.com/a.png", Map.of(), "test"));

        assertThat(outcome.kind()).as("a failure in the end, not a loop").isEqualTo(ActionOutcome.Kind.FAILED);
        assertThat(outcome.reason()).as("the last reason and the attempts")
                .endsWith("HTTP 503 (gave up after 3 attempts)");
        assertThat(Duration.between(start, Instant.now())).as("paused 100 ms, then 200 ms between the attempts")
                .isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void should_fail_at_once_on_a_permanent_error_with_the_servers_message() {
        bridge = RunningBridge.start(inbox, Map.of("bridge.betty.input-name", "image"));

        ActionOutcome outcome = bridge.trigger(new TriggerRequest("https://example.com/a.png", Map.of(), "test"));

        assertThat(outcome.kind()).as("kind").isEqualTo(ActionOutcome.Kind.FAILED);
        assertThat(outcome.reason()).as("server's message with its status").endsWith("(statusCode 422)");
        assertThat(bridge.sandbox().stats().actionCalls()).as("not retried").isEqualTo(1);
    }

    @Test
    void should_send_extra_inputs_beside_the_url() {
        bridge = RunningBridge.start(inbox, Map.of());

        ActionOutcome outcome = bridge.trigger(new TriggerRequest("https://example.com/a.png",
                Map.of("title", "Quarterly \"report\""), "test"));

        assertThat(outcome.kind()).as("kind").isEqualTo(ActionOutcome.Kind.TRIGGERED);
        assertThat(bridge.sandbox().records().get(0).input()).as("both inputs").containsEntry("title",
                "Quarterly \"report\"").containsEntry("file", "https://example.com/a.png");
    }
}
