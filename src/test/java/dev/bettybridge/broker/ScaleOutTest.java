package dev.bettybridge.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bettybridge.sandbox.Sandbox;
import dev.bettybridge.sandbox.SandboxConfig;
import dev.bettybridge.sandbox.SandboxRecord;
import dev.bettybridge.support.BridgeProcess;
import dev.bettybridge.support.QueueClient;
import dev.bettybridge.support.RunningBridge;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several bridges sharing one queue of one external broker as competing consumers: an Artemis broker started here
 * plays the external one (configured as the README tells an operator to), and one sandbox plays Betty Blocks for all.
 */
class ScaleOutTest {

    private static final int MESSAGES = 1000;
    private static final int CONSUMERS = 4;
    private static final String QUEUE = "betty.urls";
    private static final String DEAD_LETTERS = "betty.urls.DLQ";
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @TempDir
    Path work;

    private EmbeddedActiveMQ broker;
    private String brokerUrl;
    private Sandbox sandbox;
    private final List<RunningBridge> bridges = new ArrayList<>();
    private Process child;

    @BeforeEach
    void startBroker() throws Exception {
        broker = new EmbeddedActiveMQ().setConfiguration(externalBroker(work.resolve("broker"))).start();
        int port = broker.getActiveMQServer().getRemotingService().getAcceptor("artemis").getActualPort();
        brokerUrl = "tcp://127.0.0.1:" + port;
    }

    @AfterEach
    void stopAll() throws Exception {
        if (child != null) {
            child.destroyForcibly().waitFor();
        }
        bridges.forEach(RunningBridge::close);
        if (sandbox != null) {
            sandbox.close();
        }
        broker.stop();
    }

    @Test
    void should_share_the_queue_between_two_bridges_and_trigger_each_url_once() throws Exception {
        sandbox = Sandbox.start(SandboxConfig.defaults().withPort(0));
        bridges.add(RunningBridge.start(work.resolve("inbox-a"), bridgeSettings()));
        bridges.add(RunningBridge.start(work.resolve("inbox-b"), bridgeSettings()));
        await().atMost(PATIENCE).until(() -> consumers() == 2 * CONSUMERS);
        List<String> urls = urls();

        sendOverAmqp(urls);

        await().atMost(PATIENCE).until(() -> sandbox.records().size() >= MESSAGES && messagesIn(QUEUE) == 0);
        assertThat(triggered()).as("every URL once").hasSize(MESSAGES).containsExactlyInAnyOrderElementsOf(urls);
        assertThat(sandbox.stats().logins()).as("both bridges took messages, each with its own token").isEqualTo(2);
        assertThat(messagesIn(DEAD_LETTERS)).as("nothing dead-lettered").isZero();
    }

    @Test
    void should_lose_nothing_when_a_bridge_process_is_killed_mid_way() throws Exception {
        // Each call takes a while, so that the killed bridge has calls in flight.
        sandbox = Sandbox.start(SandboxConfig.defaults().withPort(0).withLatency(Duration.ofMillis(20)));
        child = startBridgeProcess();
        await().atMost(PATIENCE).until(() -> consumers() == CONSUMERS || !child.isAlive());
        assertThat(child.isAlive()).as("the bridge process runs; its log: %s", childLog()).isTrue();
        bridges.add(RunningBridge.start(work.resolve("inbox-b"), bridgeSettings()));
        await().atMost(PATIENCE).until(() -> consumers() == 2 * CONSUMERS);
        List<String> urls = urls();

        sendOverAmqp(urls);
        await().atMost(PATIENCE).until(() -> sandbox.records().size() >= MESSAGES * 3 / 10);
        child.destroyForcibly().waitFor();

        assertThat(sandbox.records().size()).as("killed mid-way").isLessThan(MESSAGES);
        await().atMost(PATIENCE).until(() -> new HashSet<>(triggered()).size() == MESSAGES && messagesIn(QUEUE) == 0);
        List<String> triggered = triggered();
        assertThat(new HashSet<>(triggered)).as("every URL triggered").containsExactlyInAnyOrderElementsOf(urls);
        assertThat(triggered.size() - MESSAGES).as("duplicates only for the killed bridge's calls in flight")
                .isLessThanOrEqualTo(CONSUMERS);
        assertThat(sandbox.stats().logins()).as("the killed bridge had taken messages too")
                .isGreaterThanOrEqualTo(2);
        assertThat(messagesIn(DEAD_LETTERS)).as("nothing dead-lettered").isZero();
    }

    /** The external broker as the README configures it: the queue, its dead-letter queue and a delivery limit. */
    private static Configuration externalBroker(Path folder) throws Exception {
        Configuration configuration = new ConfigurationImpl()
                .setName("external-broker")
                .setPersistenceEnabled(true)
                .setJournalType(JournalType.NIO)
                .setSecurityEnabled(false)
                .setJMXManagementEnabled(false)
                .addAcceptorConfiguration("artemis", "tcp://127.0.0.1:0?protocols=CORE,AMQP")
                .addAddressSetting(QUEUE, new AddressSettings()
                        .setDeadLetterAddress(SimpleString.of(DEAD_LETTERS))
                        .setMaxDeliveryAttempts(6))
                .addQueueConfiguration(QueueConfiguration.of(QUEUE).setRoutingType(RoutingType.ANYCAST))
                .addQueueConfiguration(QueueConfiguration.of(DEAD_LETTERS).setRoutingType(RoutingType.ANYCAST));
        configuration.setBrokerInstance(folder.toFile());
        return configuration;
    }

    /** A bridge's settings for the shared sandbox and broker, as an operator would give them. */
    private Map<String, String> bridgeSettings() {
        SandboxConfig config = sandbox.config();
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("bridge.betty.base-url", sandbox.baseUrl().toString());
        settings.put("bridge.betty.app-uuid", config.appUuid());
        settings.put("bridge.betty.action-id", config.actionId());
        settings.put("bridge.betty.auth-profile-uuid", config.authProfileUuid());
        settings.put("bridge.betty.username", config.username());
        settings.put("bridge.betty.password", config.password());
        settings.put("bridge.jms.url", brokerUrl);
        settings.put("bridge.jms.consumers", Integer.toString(CONSUMERS));
        return settings;
    }

    /** The bridge as its own process, started the way {@code java -jar} starts it, with environment variables. */
    private Process startBridgeProcess() throws IOException {
        ProcessBuilder builder = BridgeProcess.command();
        builder.environment().putAll(BridgeProcess.aimedAt(sandbox));
        builder.environment().putAll(Map.of(
                "BRIDGE_JMS_URL", brokerUrl,
                "BRIDGE_JMS_CONSUMERS", Integer.toString(CONSUMERS),
                "BRIDGE_INBOX", work.resolve("inbox-a").toString(),
                "CAMEL_MANAGEMENT_ENABLED", "false"));
        Path log = work.resolve("bridge-process.log");
        return builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private String childLog() throws IOException {
        return Files.readString(work.resolve("bridge-process.log"));
    }

    private static List<String> urls() {
        return IntStream.rangeClosed(1, MESSAGES).mapToObj(i -> "https://example.com/scale/" + i + ".png").toList();
    }

    private void sendOverAmqp(List<String> urls) throws Exception {
        try (QueueClient amqp = QueueClient.amqp(brokerUrl.replace("tcp:", "amqp:"))) {
            amqp.sendTexts(QUEUE, urls);
        }
    }

    private List<String> triggered() {
        return sandbox.records().stream().map(SandboxRecord::input).map(input -> (String) input.get("file")).toList();
    }

    private int consumers() {
        return broker.getActiveMQServer().locateQueue(SimpleString.of(QUEUE)).getConsumerCount();
    }

    private long messagesIn(String queue) {
        return broker.getActiveMQServer().locateQueue(SimpleString.of(queue)).getMessageCount();
    }
}
