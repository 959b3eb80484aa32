package dev.bettybridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the sandbox logs: it says what it is, and never a password or a token, even at DEBUG. */
class SandboxLoggingTest {

    private static final String LOGGER = "dev.bettybridge.sandbox";
    private static final String PASSWORD = "fake-password-never-logged";

    private final CapturingAppender appender = new CapturingAppender();
    private LoggerContext context;

    @BeforeEach
    void captureDebugLogs() {
        context = (LoggerContext) LogManager.getContext(false);
        Configuration configuration = context.getConfiguration();
        appender.start();
        configuration.addAppender(appender);
        // Not additive, so the DEBUG lines stay out of the console.
        LoggerConfig loggerConfig = new LoggerConfig(LOGGER, Level.DEBUG, false);
        loggerConfig.addAppender(appender, Level.DEBUG, null);
        configuration.addLogger(LOGGER, loggerConfig);
        context.updateLoggers();
    }

    @AfterEach
    void restoreLogs() {
        context.getConfiguration().removeLogger(LOGGER);
        context.updateLoggers();
        appender.stop();
    }

    @Test
    void should_never_log_the_password_or_a_token_when_logging_at_debug() throws IOException {
        SandboxConfig config = SandboxConfig.defaults().withPort(0).withCredentials("log-test-user", PASSWORD);
        List<String> secrets;
        try (Sandbox sandbox = Sandbox.start(config)) {
            SandboxClient client = new SandboxClient(sandbox);
            JsonNode login = client.login();
            String jwt = login.get("jwtToken").asText();
            String refresh = login.get("refreshToken").asText();
            client.action(jwt, "https://example.test/file.pdf");
            client.action(jwt + "x", "https://example.test/file.pdf");
            JsonNode refreshed = client.post(SandboxClient.REFRESH, Map.of("token", refresh), null).json();
            client.post(SandboxClient.LOGIN, Map.of("authProfileUuid", config.authProfileUuid(),
                    "username", config.username(), "password", PASSWORD + "-wrong"), null);
            client.postRaw(sandbox.runtimeUrl(), "{\"variables\": {\"password\": \"" + PASSWORD + "\"");
            secrets = List.of(PASSWORD, jwt, refresh, refreshed.at("/data/refreshToken/jwtToken").asText(),
                    refreshed.at("/data/refreshToken/refreshToken").asText());
        }

        assertThat(appender.lines()).as("something was logged at DEBUG").hasSizeGreaterThan(5);
        for (String secret : secrets) {
            assertThat(appender.lines()).as("no log line holds a secret").noneMatch(line -> line.contains(secret));
        }
    }

    @Test
    void should_say_plainly_it_is_the_sandbox_not_betty_blocks_when_started() throws IOException {
        String runtimeUrl;
        try (Sandbox sandbox = Sandbox.start(SandboxConfig.defaults().withPort(0))) {
            runtimeUrl = sandbox.runtimeUrl().toString();
        }

        assertThat(appender.lines()).as("one INFO start line with what a user needs")
                .filteredOn(line -> line.startsWith("INFO") && line.contains("Started"))
                .singleElement()
                .satisfies(line -> assertThat(line)
                        .contains("SANDBOX", "NOT Betty Blocks", runtimeUrl, SandboxConfig.DEFAULT_APP_UUID,
                                SandboxConfig.DEFAULT_ACTION_ID, SandboxConfig.DEFAULT_AUTH_PROFILE_UUID,
                                SandboxConfig.DEFAULT_USERNAME)
                        .doesNotContain(SandboxConfig.DEFAULT_PASSWORD));
    }

    /** Keeps every formatted event, with its level and any exception, in memory. */
    private static final class CapturingAppender extends AbstractAppender {

        private final List<String> lines = new CopyOnWriteArrayList<>();

        CapturingAppender() {
            super("sandbox-log-capture", null, null, true, Property.EMPTY_ARRAY);
        }

        @Override
        public void append(LogEvent event) {
            String thrown = event.getThrown() == null ? "" : " " + event.getThrown();
            lines.add(event.getLevel() + " " + event.getMessage().getFormattedMessage() + thrown);
        }

        List<String> lines() {
            return List.copyOf(lines);
        }
    }
}
