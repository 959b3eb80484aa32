package dev.bettybridge.support;

import dev.bettybridge.BridgeMain;
import dev.bettybridge.sandbox.Sandbox;
import dev.bettybridge.sandbox.SandboxConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starts the bridge as a process of its own, the way a user does, for tests that kill it or read all it prints. */
public final class BridgeProcess {

    private BridgeProcess() {
    }

    /**
     * The command {@code java [options] -cp <this classpath> BridgeMain}, with none of the calling environment's
     * {@code BB_} or {@code BRIDGE_} variables, so that the test alone decides the settings.
     */
    public static ProcessBuilder command(String... jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), BridgeMain.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("BB_") || name.startsWith("BRIDGE_"));
        return builder;
    }

    /** The {@code BB_} variables that point a bridge at the sandbox as if it were a Betty Blocks application. */
    public static Map<String, String> aimedAt(Sandbox sandbox) {
        SandboxConfig config = sandbox.config();
        return Map.of(
                "BB_BASE_URL", sandbox.baseUrl().toString(),
                "BB_APP_UUID", config.appUuid(),
                "BB_ACTION_ID", config.actionId(),
                "BB_AUTH_PROFILE_UUID", config.authProfileUuid(),
                "BB_USERNAME", config.username(),
                "BB_PASSWORD", config.password());
    }

    /** A port free at this moment on 127.0.0.1, for a child's broker or management server. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
