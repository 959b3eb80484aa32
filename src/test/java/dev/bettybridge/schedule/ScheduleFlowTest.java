package dev.bettybridge.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bettybridge.sandbox.SandboxRecord;
import dev.bettybridge.support.RunningBridge;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** URLs on a schedule, triggered by a running bridge on its sandbox over real HTTP. */
class ScheduleFlowTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

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
    void should_trigger_every_scheduled_url_on_each_period() {
        bridge = RunningBridge.start(inbox, Map.of(
                "bridge.timer.urls", "https://example.com/daily.csv,https://example.com/prices.csv",
                "bridge.timer.period", "200ms"));

        await().atMost(PATIENCE).until(() -> count("https://example.com/daily.csv") >= 3
                && count("https://example.com/prices.csv") >= 3);
        List<SandboxRecord> records = bridge.sandbox().records();
        assertThat(records.get(0).input()).as("the first run triggers the URLs in their order")
                .isEqualTo(Map.of("file", "https://example.com/daily.csv"));
        assertThat(Duration.between(records.get(0).createdAt(), records.get(records.size() - 1).createdAt()))
                .as("runs are a period apart, not all at once").isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }

    @Test
    void should_not_start_the_schedule_without_urls() {
        bridge = RunningBridge.start(inbox, Map.of());

        assertThat(bridge.context().getRouteController().getRouteStatus("trigger-schedule"))
                .as("the timer route exists but is not started").isEqualTo(ServiceStatus.Stopped);
    }

    private long count(String url) {
        return bridge.sandbox().records().stream().filter(record -> url.equals(record.input().get("file"))).count();
    }
}
