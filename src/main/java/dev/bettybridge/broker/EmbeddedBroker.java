package dev.bettybridge.broker;

import dev.bettybridge.config.Setting;
import dev.bettybridge.config.SettingsException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.spi.core.remoting.Acceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ActiveMQ Artemis broker that runs inside the bridge when no external broker is set: persistent, listening on
 * 127.0.0.1 only, with CORE, AMQP 1.0 and OpenWire on one port, and the queue and its dead-letter queue configured.
 */
public final class EmbeddedBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);

    private static final String ACCEPTOR = "bridge";
    private static final String HOST = "127.0.0.1";
    private static final String DEFAULT_DEAD_LETTERS = "DLQ";
    private static final String DEFAULT_EXPIRED = "ExpiryQueue";
    // Long enough for a broker that is stopping to let go, short enough to fail start-up with a clear line.
    private static final Duration LOCK_WAIT = Duration.ofSeconds(5);

    private final EmbeddedActiveMQ broker;
    private final int port;

    private EmbeddedBroker(EmbeddedActiveMQ broker, int port) {
        this.broker = broker;
        this.port = port;
    }

    /**
     * Starts the broker and returns once it accepts connections.
     *
     * @throws SettingsException when the data folder cannot be used (not writable, or held by another broker) or the
     *     port is taken; the message names the setting to change
     */
    public static EmbeddedBroker start(QueueSettings settings) {
        Path folder = settings.dataFolder().toAbsolutePath();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new SettingsException(Setting.JMS_DATA_FOLDER.describe() + " is '" + settings.dataFolder()
                    + "': cannot create the folder (" + e.getMessage() + ")");
        }
        // Artemis would log a stack trace for a taken port; a user only needs the line below.
        if (settings.port() != 0 && !free(settings.port())) {
            throw portTaken(settings);
        }
        EmbeddedActiveMQ broker = new EmbeddedActiveMQ().setConfiguration(configuration(settings, folder));
        try {
            broker.start();
        } catch (Exception e) {
            stopQuietly(broker);
            throw folderUnusable(settings);
        }
        // A broker that failed to start logs why and stays inactive; its acceptor exists only once it holds the
        // journal lock.
        ActiveMQServer server = broker.getActiveMQServer();
        Acceptor acceptor = server.getRemotingService() == null ? null
                : server.getRemotingService().getAcceptor(ACCEPTOR);
        if (acceptor == null) {
            stopQuietly(broker);
            throw folderUnusable(settings);
        }
        if (!server.isActive() || !acceptor.isStarted()) {
            stopQuietly(broker);
            throw portTaken(settings);
        }
        EmbeddedBroker started = new EmbeddedBroker(broker, acceptor.getActualPort());
        LOG.debug("Embedded broker listening on {}", started.url());
        return started;
    }

    /** The port it listens on, on 127.0.0.1. */
    public int port() {
        return port;
    }

    /** The URL that a CORE or OpenWire client uses to reach it; AMQP clients use {@code amqp://127.0.0.1:<port>}. */
    public String url() {
        return "tcp://" + HOST + ":" + port;
    }

    /** The running Artemis server, for inspection. */
    public ActiveMQServer server() {
        return broker.getActiveMQServer();
    }

    /** Stops the broker; messages stay in its journal for the next start. */
    @Override
    public void close() {
        try {
            broker.stop();
        } catch (Exception e) {
            LOG.warn("Embedded broker did not stop cleanly: {}", e.getMessage(), e);
        }
    }

    private static Configuration configuration(QueueSettings settings, Path folder) {
        Configuration configuration = new ConfigurationImpl()
                .setName("betty-action-bridge")
                .setPersistenceEnabled(true)
                // NIO works everywhere; the faster AIO journal needs libaio, which a fresh machine lacks.
                .setJournalType(JournalType.NIO)
                .setJournalLockAcquisitionTimeout(LOCK_WAIT.toMillis())
                // Local programs only (127.0.0.1); a shared broker with users is the external one.
                .setSecurityEnabled(false)
                .setJMXManagementEnabled(false);
        // Journal, bindings, paging and large messages resolve below this folder; set nothing else.
        configuration.setBrokerInstance(folder.toFile());
        try {
            configuration.addAcceptorConfiguration(ACCEPTOR,
                    "tcp://" + HOST + ":" + settings.port() + "?protocols=CORE,AMQP,OPENWIRE");
        } catch (Exception e) {
            throw new IllegalStateException("cannot configure the embedded broker's acceptor", e);
        }
        // Other addresses, such as clients' temporary reply queues, get Artemis's usual defaults.
        configuration.addAddressSetting("#", new AddressSettings()
                .setDeadLetterAddress(SimpleString.of(DEFAULT_DEAD_LETTERS))
                .setExpiryAddress(SimpleString.of(DEFAULT_EXPIRED)));
        configuration.addQueueConfiguration(QueueConfiguration.of(DEFAULT_DEAD_LETTERS)
                .setRoutingType(RoutingType.ANYCAST));
        configuration.addQueueConfiguration(QueueConfiguration.of(DEFAULT_EXPIRED)
                .setRoutingType(RoutingType.ANYCAST));
        // The bridge dead-letters with a reason after max-deliveries; the broker's own move is the backstop. Expired
        // messages go there too rather than vanish.
        SimpleString deadLetters = SimpleString.of(settings.deadLetterQueue());
        configuration.addAddressSetting(settings.queue(), new AddressSettings()
                .setDeadLetterAddress(deadLetters)
                .setExpiryAddress(deadLetters)
                .setMaxDeliveryAttempts(settings.maxDeliveries() + 1));
        // Whoever reads the dead letters decides about them: the broker never moves them on.
        configuration.addAddressSetting(settings.deadLetterQueue(), new AddressSettings()
                .setDeadLetterAddress(deadLetters)
                .setExpiryAddress(deadLetters)
                .setMaxDeliveryAttempts(-1));
        configuration.addQueueConfiguration(QueueConfiguration.of(settings.queue())
                .setRoutingType(RoutingType.ANYCAST));
        configuration.addQueueConfiguration(QueueConfiguration.of(settings.deadLetterQueue())
                .setRoutingType(RoutingType.ANYCAST));
        return configuration;
    }

    private static boolean free(int port) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getByName(HOST), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static SettingsException portTaken(QueueSettings settings) {
        return new SettingsException(Setting.JMS_PORT.describe() + " is '" + settings.port()
                + "': the embedded broker cannot listen on " + HOST + ":" + settings.port()
                + " (is the port in use?); set a free port, or 0 for any free port");
    }

    private static SettingsException folderUnusable(QueueSettings settings) {
        return new SettingsException(Setting.JMS_DATA_FOLDER.describe() + " is '" + settings.dataFolder()
                + "': the embedded broker cannot use it; is another bridge or broker using it? Give each bridge its"
                + " own folder and port, or set " + Setting.JMS_URL.environmentVariable() + " to share one broker");
    }

    private static void stopQuietly(EmbeddedActiveMQ broker) {
        try {
            broker.stop();
        } catch (Exception e) {
            // Start-up already failed with a clearer message; a failed stop adds nothing to it.
            LOG.debug("Embedded broker did not stop after a failed start", e);
        }
    }
}
