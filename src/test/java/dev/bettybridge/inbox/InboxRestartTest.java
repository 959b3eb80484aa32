package dev.bettybridge.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bettybridge.sandbox.Sandbox;
import dev.bettybridge.sandbox.SandboxConfig;
import dev.bettybridge.sandbox.SandboxRecord;
import dev.bettybridge.support.BridgeProcess;
import dev.bettybridge.support.InboxFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bridge process killed in the middle of a file, then started again on the same inbox. */
class InboxRestartTest {

    private static final int LINES = 30;

    @TempDir
    Path folder;

    private Sandbox server;
    private Process bridge;

    @AfterEach
    void stop() throws InterruptedException {
        if (bridge != null) {
            bridge.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void should_not_trigger_again_the_lines_triggered_before_a_crash() throws Exception {
        server = Sandbox.start(SandboxConfig.defaults().withPort(0).withLatency(Duration.ofMillis(150)));
        Path inbox = Files.createDirectories(folder.resolve("inbox"));
        List<String> urls = IntStream.rangeClosed(1, LINES).mapToObj(i -> "https://example.com/" + i + ".png")
                .toList();
        bridge = startBridge(inbox);

        new InboxFiles(inbox).drop("urls.txt", String.join("\n", urls) + "\n");
        try {
            await().atMost(Duration.ofSeconds(60)).failFast("the bridge process ended", () -> !bridge.isAlive())
                    .until(() -> server.records().size() >= 8);
        } catch (ConditionTimeoutException | AssertionError e) {
            throw new AssertionError("the first bridge did not trigger 8 lines; its log:\n"
                    + Files.readString(folder.resolve("bridge.log")), e);
        }
        bridge.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        int beforeCrash = server.records().size();
        assertThat(beforeCrash).as("killed half-way").isLessThan(LINES);
        bridge = startBridge(inbox);

        Path done = new InboxFiles(inbox).awaitResult(".done", "urls.txt", Duration.ofSeconds(90));
        Set<String> received = server.records().stream().map(SandboxRecord::input)
                .map(input -> (String) input.get("file")).collect(Collectors.toSet());
        assertThat(received).as("every URL arrived").containsExactlyInAnyOrderElementsOf(urls);
        assertThat(server.records().size() - LINES).as("duplicates: at most the one call in flight at the kill")
                .isLessThanOrEqualTo(1);
        assertThat(Files.readString(InboxFiles.report(done))).as("the report counts every line once")
                .contains("triggered: " + LINES + ", failed: 0, rejected: 0");
    }

    private Process startBridge(Path inbox) throws IOException {
        ProcessBuilder builder = BridgeProcess.command();
        builder.environment().putAll(BridgeProcess.aimedAt(server));
        builder.environment().put("BRIDGE_INBOX", inbox.toString());
        builder.environment().put("BRIDGE_CONCURRENCY", "1");
        builder.environment().put("BRIDGE_MANAGEMENT_PORT", "0");
        builder.environment().put("BRIDGE_JMS_PORT", String.valueOf(BridgeProcess.freePort()));
        builder.environment().put("BRIDGE_JMS_DATA_FOLDER", folder.resolve("broker").toString());
        return builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(
                folder.resolve("bridge.log").toFile())).start();
    }
}
