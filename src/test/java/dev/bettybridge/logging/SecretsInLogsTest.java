package dev.bettybridge.logging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bettybridge.sandbox.Sandbox;
import dev.bettybridge.sandbox.SandboxConfig;
import dev.bettybridge.support.BridgeProcess;
import dev.bettybridge.support.InboxFiles;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real process with every logger at TRACE through login, refresh and re-login after 401, and searches its
 * whole output for the password and for anything shaped like a token.
 */
class SecretsInLogsTest {

    private static final String PASSWORD = "not-a-real-password-5e0b";
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}");

    @TempDir
    Path folder;

    private Sandbox server;
    private Process bridge;

    @AfterEach
    void stop() {
        if (bridge != null) {
            bridge.destroyForcibly();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void should_keep_password_and_tokens_out_of_the_most_verbose_output() throws Exception {
        SandboxConfig config = SandboxConfig.defaults().withPort(0).withCredentials("bridge-user", PASSWORD)
                .withTokenLifetime(Duration.ofSeconds(2)).withLatency(Duration.ofMillis(30)).withRevokeEvery(100);
        server = Sandbox.start(config);
        Path inbox = folder.resolve("inbox");
        Files.createDirectories(inbox);
        File out = folder.resolve("out.txt").toFile();
        ProcessBuilder builder = BridgeProcess.command();
        builder.environment().putAll(BridgeProcess.aimedAt(server));
        builder.environment().put("BRIDGE_INBOX", inbox.toString());
        builder.environment().put("BRIDGE_MANAGEMENT_PORT", "0");
        builder.environment().put("BRIDGE_CONCURRENCY", "2");
        builder.environment().put("BRIDGE_JMS_PORT", String.valueOf(BridgeProcess.freePort()));
        builder.environment().put("BRIDGE_JMS_DATA_FOLDER", folder.resolve("broker").toString());
        builder.environment().put("BRIDGE_LOG_LEVEL", "TRACE");
        builder.environment().put("BRIDGE_ROOT_LOG_LEVEL", "TRACE");
        bridge = builder.redirectErrorStream(true).redirectOutput(out).start();

        new InboxFiles(inbox).drop("urls.txt", IntStream.rangeClosed(1, 300)
                .mapToObj(i -> "https://example.com/" + i + ".png").collect(Collectors.joining("\n")));
        // Revocations may hit a replay now and then; this test is about the output, not about each line's result.
        new InboxFiles(inbox).awaitAnyResult("urls.txt", Duration.ofSeconds(90));
        bridge.destroy();
        assertThat(bridge.waitFor(60, TimeUnit.SECONDS)).as("the bridge stops on SIGTERM").isTrue();

        String output = Files.readString(out.toPath(), StandardCharsets.UTF_8);
        assertThat(output).as("TRACE output was on").contains(" TRACE ");
        assertThat(output).as("the run logged in, refreshed and logged in again after 401")
                .contains("Logged in:").contains("Refreshed the token:").contains("Token refused for");
        assertThat(output).as("no password").doesNotContain(PASSWORD);
        assertThat(JWT.matcher(output).find()).as("no JWT").isFalse();
        assertThat(output).as("no bearer header").doesNotContainIgnoringCase("bearer ey");
        assertThat(output).as("no refresh token in a JSON answer").doesNotContain("\"refreshToken\":\"");
    }
}
