package dev.bettybridge.support;

import dev.bettybridge.BridgeMain;
import dev.bettybridge.broker.EmbeddedBroker;
import dev.bettybridge.broker.QueueSetup;
import dev.bettybridge.sandbox.Sandbox;
import dev.bettybridge.token.TokenStats;
import dev.bettybridge.trigger.ActionOutcome;
import dev.bettybridge.trigger.TriggerRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;

/**
 * A bridge started in this JVM exactly as {@code java -jar} starts it (same settings file, same routes), with a few
 * keys overridden for a test: its own inbox folder, a free sandbox port, short polling times, and an embedded broker
 * on a free port with its journal in a temporary folder.
 */
public final class RunningBridge implements AutoCloseable {

    private final Main main;
    private final Path brokerFolder;

    private RunningBridge(Main main, Path brokerFolder) {
        this.main = main;
        this.brokerFolder = brokerFolder;
    }

    /**
     * Starts a bridge with the inbox at {@code inbox}, on its own sandbox unless the overrides name a base URL.
     */
    public static RunningBridge start(Path inbox, Map<String, String> overrides) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("bridge.inbox.folder", inbox.toString());
        all.put("bridge.inbox.settle-time", "300ms");
        all.put("bridge.inbox.poll-delay", "100");
        all.put("bridge.sandbox.port", "0");
        all.put("bridge.retry.first-delay", "50ms");
        all.put("camel.management.enabled", "false");
        Path brokerFolder = temporaryFolder();
        all.put("bridge.jms.port", "0");
        all.put("bridge.jms.data-folder", brokerFolder.toString());
        all.putAll(overrides);
        Main main = BridgeMain.create();
        all.forEach(main::addOverrideProperty);
        try {
            main.start();
        } catch (RuntimeException e) {
            delete(brokerFolder);
            throw e;
        }
        return new RunningBridge(main, brokerFolder);
    }

    public CamelContext context() {
        return main.getCamelContext();
    }

    /** Hands one request to the shared trigger route and waits for its outcome. */
    public ActionOutcome trigger(TriggerRequest request) {
        return context().createFluentProducerTemplate().to("direct:trigger").withBody(request)
                .request(ActionOutcome.class);
    }

    /** The bridge's token counters. */
    public TokenStats tokenStats() {
        return context().getRegistry().lookupByNameAndType("tokenStats", TokenStats.class);
    }

    /** The sandbox the bridge started, with its records and counters. */
    public Sandbox sandbox() {
        return context().getRegistry().lookupByNameAndType("sandbox", Sandbox.class);
    }

    /** The embedded broker the bridge started, absent when it uses an external one. */
    public EmbeddedBroker broker() {
        return context().getRegistry().lookupByNameAndType(QueueSetup.BROKER_BEAN, EmbeddedBroker.class);
    }

    @Override
    public void close() {
        main.stop();
        delete(brokerFolder);
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("bridge-broker-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + folder, e);
        }
    }
}
