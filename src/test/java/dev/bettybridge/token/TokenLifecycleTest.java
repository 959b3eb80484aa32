package dev.bettybridge.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bettybridge.sandbox.Sandbox;
import dev.bettybridge.sandbox.SandboxConfig;
import dev.bettybridge.support.InboxFiles;
import dev.bettybridge.support.RunningBridge;
import dev.bettybridge.trigger.ActionOutcome;
import dev.bettybridge.trigger.TriggerRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The login token over its whole life, against the sandbox over real HTTP. */
class TokenLifecycleTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    Path inbox;

    private RunningBridge bridge;
    private Sandbox external;

    @AfterEach
    void stop() {
        if (bridge != null) {
            bridge.close();
        }
        if (external != null) {
            external.close();
        }
    }

    @Test
    void should_log_in_once_for_64_concurrent_calls_while_the_login_is_slow() {
        bridge = RunningBridge.start(inbox, Map.of("bridge.sandbox.latency", "500ms"));

        ExecutorService callers = Executors.newFixedThreadPool(64);
        List<CompletableFuture<ActionOutcome>> calls;
        try {
            calls = IntStream.range(0, 64).mapToObj(i -> CompletableFuture.supplyAsync(() -> bridge.trigger(
                    new TriggerRequest("https://example.com/" + i + ".png", Map.of(), "test call " + i)), callers))
                    .toList();
            calls.forEach(CompletableFuture::join);
        } finally {
            callers.shutdown();
        }

        assertThat(calls.stream().map(CompletableFuture::join).map(ActionOutcome::kind))
                .as("every call triggered").containsOnly(ActionOutcome.Kind.TRIGGERED).hasSize(64);
        assertThat(bridge.sandbox().stats().logins()).as("one login for all of them").isEqualTo(1);
        assertThat(bridge.tokenStats().logins()).as("the bridge counted one login").isEqualTo(1);
    }

    @Test
    void should_renew_short_lived_tokens_ahead_of_time_without_a_single_failure() throws IOException {
        // Two workers make the run outlast one token lifetime, so that renewal ahead of time must happen.
        bridge = RunningBridge.start(inbox, Map.of(
                "bridge.sandbox.token-lifetime", "3s", "bridge.sandbox.latency", "20ms",
                "bridge.inbox.concurrency", "2"));
        Instant start = Instant.now();

        new InboxFiles(inbox).drop("many.txt", urls(300));

        Path done = new InboxFiles(inbox).awaitResult(".done", "many.txt", PATIENCE);
        double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
        assertThat(Files.readString(InboxFiles.report(done))).as("all 300 went through")
                .contains("triggered: 300, failed: 0, rejected: 0");
        long renewals = bridge.tokenStats().logins() + bridge.tokenStats().refreshes();
        assertThat((double) renewals).as("logins plus refreshes within (duration / 3 s) + 3, duration %.1f s",
                seconds).isLessThanOrEqualTo(seconds / 3 + 3);
        assertThat(bridge.tokenStats().refreshes()).as("renewed with the refresh token, not only by logins")
                .isPositive();
        assertThat(bridge.sandbox().stats().rejected401()).as("no call was sent with an expired token").isZero();
    }

    @Test
    void should_log_in_again_after_401_when_the_server_revokes_tokens() throws IOException {
        bridge = RunningBridge.start(inbox, Map.of("bridge.sandbox.revoke-every", "50"));

        new InboxFiles(inbox).drop("revoked.txt", urls(300));

        Path done = new InboxFiles(inbox).awaitResult(".done", "revoked.txt", PATIENCE);
        assertThat(Files.readString(InboxFiles.report(done))).as("all 300 went through")
                .contains("triggered: 300, failed: 0, rejected: 0");
        assertThat(bridge.tokenStats().reloginsAfter401()).as("re-logins after 401 were counted").isPositive();
        assertThat(bridge.sandbox().records()).as("every URL made a record").hasSize(300);
    }

    @Test
    void should_fail_a_call_as_not_authorized_when_the_replay_gets_401_again() {
        // Every action call revokes every token, so the replay after a fresh login is refused too.
        bridge = RunningBridge.start(inbox, Map.of("bridge.sandbox.revoke-every", "1"));

        ActionOutcome outcome = bridge.trigger(new TriggerRequest("https://example.com/a.png", Map.of(), "test"));

        assertThat(outcome.kind()).as("a permanent failure, not a loop").isEqualTo(ActionOutcome.Kind.FAILED);
        assertThat(outcome.reason()).as("reason").startsWith("not authorized");
        assertThat(bridge.sandbox().stats().actionCalls()).as("one call and one replay").isEqualTo(2);
    }

    @Test
    void should_pause_while_the_credentials_are_refused_and_resume_once_they_work() throws IOException {
        SandboxConfig server = SandboxConfig.defaults().withPort(0).withCredentials("bridge-user", "old-password");
        external = Sandbox.start(server);
        int port = external.baseUrl().getPort();
        bridge = RunningBridge.start(inbox, Map.of(
                "bridge.betty.base-url", external.baseUrl().toString(),
                "bridge.betty.app-uuid", server.appUuid(),
                "bridge.betty.action-id", server.actionId(),
                "bridge.betty.auth-profile-uuid", server.authProfileUuid(),
                "bridge.betty.username", "bridge-user",
                "bridge.betty.password", "new-password",
                "bridge.token.login-retry", "300ms"));
        CredentialsGate gate = bridge.context().getRegistry().lookupByNameAndType("credentialsGate",
                CredentialsGate.class);

        new InboxFiles(inbox).drop("waiting.txt", urls(5));

        await().atMost(PATIENCE).until(() -> !gate.open());
        assertThat(gate.reason()).as("the server's message").contains("Wrong credentials, please try again");
        assertThat(inbox.resolve("waiting.txt")).as("the file stays in the inbox").exists();
        assertThat(inbox.resolve(".failed")).as("nothing failed").isEmptyDirectory();

        // The password is changed on the server to the one the bridge holds.
        external.close();
        external = Sandbox.start(server.withPort(port).withCredentials("bridge-user", "new-password"));

        Path done = new InboxFiles(inbox).awaitResult(".done", "waiting.txt", PATIENCE);
        assertThat(Files.readString(InboxFiles.report(done))).as("every line went through after the pause")
                .contains("triggered: 5, failed: 0, rejected: 0");
        assertThat(gate.open()).as("sources resumed").isTrue();
    }

    private static String urls(int count) {
        return String.join("\n", IntStream.rangeClosed(1, count)
                .mapToObj(i -> "https://example.com/file-" + i + ".png").toList()) + "\n";
    }
}
