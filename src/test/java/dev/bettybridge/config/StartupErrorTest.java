package dev.bettybridge.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bettybridge.BridgeMain;
import dev.bettybridge.support.BridgeProcess;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts the real process with a bad setting, the way a user would, and reads what it prints. */
class StartupErrorTest {

    @TempDir
    Path inbox;

    @Test
    void should_stop_with_one_clear_line_and_exit_code_2_when_a_uuid_is_malformed() throws Exception {
        Result result = runBridge(Map.of(
                "BB_BASE_URL", "https://my-app.betty.app",
                "BB_APP_UUID", "not-a-uuid",
                "BB_ACTION_ID", "0123456789abcdef0123456789abcdef",
                "BB_AUTH_PROFILE_UUID", "0123456789abcdef0123456789abcdef",
                "BB_USERNAME", "bridge@example.com",
                "BB_PASSWORD", "not-a-real-password"));

        assertThat(result.exitCode()).as("non-zero exit").isEqualTo(BridgeMain.BAD_SETTING);
        assertThat(result.stderr().strip()).as("one line naming the setting and the variable").isEqualTo(
                "betty-action-bridge cannot start: setting 'bridge.betty.app-uuid' (environment variable BB_APP_UUID)"
                        + " is 'not-a-uuid': expected 32 lowercase hexadecimal characters");
        assertThat(result.stdout() + result.stderr()).as("no stack trace for a user's mistake")
                .doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(result.stdout() + result.stderr()).as("the password is never printed")
                .doesNotContain("not-a-real-password");
    }

    @Test
    void should_stop_with_a_clear_line_when_a_required_setting_is_missing() throws Exception {
        Result result = runBridge(Map.of("BB_BASE_URL", "https://my-app.betty.app"));

        assertThat(result.exitCode()).as("non-zero exit").isEqualTo(BridgeMain.BAD_SETTING);
        assertThat(result.stderr().strip()).as("names the first missing setting").isEqualTo(
                "betty-action-bridge cannot start: setting 'bridge.betty.app-uuid' (environment variable BB_APP_UUID)"
                        + " is missing");
    }

    @Test
    void should_stop_with_one_clear_line_when_a_timer_url_is_malformed() throws Exception {
        Result result = runBridge(Map.of(
                "BRIDGE_TIMER_URLS", "https://example.com/a.csv, ftp://example.com/b.csv",
                "BRIDGE_SANDBOX_PORT", "0",
                "BRIDGE_JMS_PORT", "0",
                "BRIDGE_JMS_DATA_FOLDER", inbox.resolve("broker").toString()));

        assertThat(result.exitCode()).as("non-zero exit").isEqualTo(BridgeMain.BAD_SETTING);
        assertThat(result.stderr().strip()).as("one line naming the setting, the variable and the URL").isEqualTo(
                "betty-action-bridge cannot start: setting 'bridge.timer.urls' (environment variable"
                        + " BRIDGE_TIMER_URLS) has 'ftp://example.com/b.csv': not an absolute http or https URL;"
                        + " expected URLs separated by commas");
        assertThat(result.stdout() + result.stderr()).as("no stack trace for a user's mistake")
                .doesNotContain("\tat ").doesNotContain("Exception");
    }

    private Result runBridge(Map<String, String> environment) throws IOException, InterruptedException {
        ProcessBuilder builder = BridgeProcess.command();
        builder.environment().putAll(environment);
        builder.environment().put("BRIDGE_INBOX", inbox.toString());
        builder.environment().put("BRIDGE_MANAGEMENT_PORT", "0");
        File out = inbox.resolve("stdout.txt").toFile();
        File err = inbox.resolve("stderr.txt").toFile();
        Process process = builder.redirectOutput(out).redirectError(err).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the process stops by itself").isTrue();
        return new Result(process.exitValue(), java.nio.file.Files.readString(out.toPath(), StandardCharsets.UTF_8),
                java.nio.file.Files.readString(err.toPath(), StandardCharsets.UTF_8));
    }

    private record Result(int exitCode, String stdout, String stderr) {
    }
}
