package dev.bettybridge.sandbox;

import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the sandbox as a process of its own until SIGTERM or Ctrl-C. */
public final class SandboxMain {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxMain.class);

    private SandboxMain() {
    }

    /**
     * Starts the sandbox with {@code bridge.sandbox.*} settings from system properties, or else from environment
     * variables named like {@code BRIDGE_SANDBOX_PORT}, and blocks until the JVM shuts down.
     *
     * @param args ignored
     * @throws Exception when the settings are invalid or the sandbox cannot start
     */
    public static void main(String[] args) throws Exception {
        run(SandboxConfig.from(systemPropertyThenEnvironment()));
    }

    /**
     * Starts the sandbox, logs where it listens, and blocks until the JVM shuts down, then stops it.
     *
     * @param config the settings
     * @throws java.io.IOException  when the sandbox cannot start, for example because the port is taken
     * @throws InterruptedException when the waiting thread is interrupted; the sandbox is stopped first
     */
    public static void run(SandboxConfig config) throws Exception {
        CountDownLatch stopped = new CountDownLatch(1);
        Sandbox sandbox = Sandbox.start(config);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.close();
            stopped.countDown();
        }, "betty-sandbox-shutdown"));
        LOG.info("Sandbox runs until this process is stopped (SIGTERM or Ctrl-C); records: POST a records query to {}",
                sandbox.runtimeUrl());
        try {
            stopped.await();
        } finally {
            sandbox.close();
        }
    }

    /** Looks a key up as a system property first, then as an environment variable named by {@link #envName}. */
    static Function<String, String> systemPropertyThenEnvironment() {
        return key -> {
            String value = System.getProperty(key);
            if (value != null && !value.isBlank()) {
                return value;
            }
            return System.getenv(envName(key));
        };
    }

    /** Maps {@code bridge.sandbox.rate-limit-per-minute} to {@code BRIDGE_SANDBOX_RATE_LIMIT_PER_MINUTE}. */
    static String envName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
