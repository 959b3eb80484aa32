package dev.bettybridge.support;

import dev.bettybridge.BridgeMain;
import dev.bettybridge.sandbox.Sandbox;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;

/**
 * A bridge started in this JVM exactly as {@code java -jar} starts it (same settings file, same routes), with a few
 * keys overridden for a test: its own inbox folder, a free sandbox port, short polling times.
 */
public final class RunningBridge implements AutoCloseable {

    private final Main main;

    private RunningBridge(Main main) {
        this.main = main;
    }

    /** Starts a bridge on its sandbox with the inbox at {@code inbox} and any further overrides. */
    public static RunningBridge start(Path inbox, Map<String, String> overrides) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("bridge.inbox.folder", inbox.toString());
        all.put("bridge.inbox.settle-time", "300ms");
        all.put("bridge.inbox.poll-delay", "100");
        all.put("bridge.sandbox.port", "0");
        all.put("bridge.retry.first-delay", "50ms");
        all.put("camel.management.enabled", "false");
        all.putAll(overrides);
        Main main = BridgeMain.create();
        all.forEach(main::addOverrideProperty);
        main.start();
        return new RunningBridge(main);
    }

    public CamelContext context() {
        return main.getCamelContext();
    }

    /** The sandbox the bridge started, with its records and counters. */
    public Sandbox sandbox() {
        return context().getRegistry().lookupByNameAndType("sandbox", Sandbox.class);
    }

    @Override
    public void close() {
        main.stop();
    }
}
