package dev.bettybridge.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bettybridge.sandbox.SandboxRecord;
import dev.bettybridge.support.QueueClient;
import dev.bettybridge.support.RunningBridge;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** URLs sent to the queue of a running bridge's embedded broker, triggered on its sandbox over real HTTP. */
class QueueFlowTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final String QUEUE = "betty.urls";
    private static final String DEAD_LETTERS = "betty.urls.DLQ";

    @TempDir
    Path inbox;

    private final ObjectMapper mapper = new ObjectMapper();
    private RunningBridge bridge;
    private QueueClient client;

    @AfterEach
    void stop() throws Exception {
        if (client != null) {
            client.close();
        }
        if (bridge != null) {
            bridge.close();
        }
    }

    @Test
    void should_trigger_the_url_of_a_text_message_and_acknowledge_it() throws Exception {
        start(Map.of());

        client.sendText(QUEUE, "https://example.com/a.png");

        await().atMost(PATIENCE).until(() -> bridge.sandbox().records().size() == 1);
        assertThat(bridge.sandbox().records().get(0).input()).as("the URL in the input named by BB_INPUT_NAME")
                .isEqualTo(Map.of("file", "https://example.com/a.png"));
        await().atMost(PATIENCE).until(() -> messagesIn(QUEUE) == 0);
        assertThat(messagesIn(DEAD_LETTERS)).as("nothing dead-lettered").isZero();
    }

    @Test
    void should_add_the_inputs_of_a_json_body_to_the_url() throws Exception {
        start(Map.of());

        client.sendText(QUEUE, "{\"url\": \"https://example.com/b.png\","
                + " \"input\": {\"folder\": \"invoices\", \"priority\": 2, \"tags\": [\"x\", \"y\"]}}");

        await().atMost(PATIENCE).until(() -> bridge.sandbox().records().size() == 1);
        assertThat(bridge.sandbox().records().get(0).input()).as("URL and further inputs reach the action")
                .isEqualTo(Map.of("file", "https://example.com/b.png", "folder", "invoices", "priority", 2,
                        "tags", List.of("x", "y")));
    }

    @Test
    void should_dead_letter_invalid_bodies_with_their_reason_and_trigger_nothing() throws Exception {
        start(Map.of());

        client.sendText(QUEUE, "example.com/no-scheme.png");
        client.sendText(QUEUE, "{\"url\": \"https://example.com/c.png\", \"input\": [1, 2]}");
        client.sendText(QUEUE, "{\"url\": \"https://example.com/d.png\"");

        List<String> reasons = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Message dead = client.receive(DEAD_LETTERS, PATIENCE);
            assertThat(dead).as("dead letter %d", i + 1).isNotNull();
            reasons.add(dead.getStringProperty(QueueMessages.REASON));
            bodies.add(QueueClient.text(dead));
        }
        assertThat(reasons).as("each reason names the problem").containsExactlyInAnyOrder(
                "invalid message: not an absolute http or https URL",
                "invalid message: 'input' is not an object",
                "invalid message: the body is not valid JSON at line 1, column 36: Unexpected end-of-input:"
                        + " expected close marker for Object");
        assertThat(bodies).as("the original bodies are kept").contains("example.com/no-scheme.png");
        assertThat(bridge.sandbox().records()).as("nothing triggered").isEmpty();
        await().atMost(PATIENCE).until(() -> messagesIn(QUEUE) == 0);
    }

    @Test
    void should_dead_letter_a_permanent_failure_with_the_servers_message() throws Exception {
        // The sandbox's action expects the input 'file'; this bridge sends 'image', which the server refuses.
        start(Map.of("bridge.betty.input-name", "image"));

        client.sendText(QUEUE, "https://example.com/e.png");

        Message dead = client.receive(DEAD_LETTERS, PATIENCE);
        assertThat(dead).as("dead-lettered").isNotNull();
        assertThat(dead.getStringProperty(QueueMessages.REASON)).as("the server's message and status")
                .contains("file").contains("statusCode 422");
        assertThat(QueueClient.text(dead)).as("original body").isEqualTo("https://example.com/e.png");
        assertThat(bridge.sandbox().records()).as("nothing created").isEmpty();
    }

    @Test
    void should_dead_letter_a_url_once_its_retries_are_used_up() throws Exception {
        // The action refuses the input as before, but now with HTTP 503, which is worth retrying.
        start(Map.of("bridge.betty.input-name", "image", "bridge.sandbox.error-http-status", "503",
                "bridge.retry.max-attempts", "2"));

        client.sendText(QUEUE, "https://example.com/f.png");

        Message dead = client.receive(DEAD_LETTERS, PATIENCE);
        assertThat(dead).as("dead-lettered").isNotNull();
        assertThat(dead.getStringProperty(QueueMessages.REASON)).as("the server's message")
                .contains("statusCode 422");
        assertThat(bridge.sandbox().stats().actionCalls()).as("called again before giving up")
                .isGreaterThanOrEqualTo(2);
        await().atMost(PATIENCE).until(() -> messagesIn(QUEUE) == 0);
    }

    @Test
    void should_dead_letter_a_message_delivered_too_often_without_trying_it() throws Exception {
        start(Map.of("bridge.jms.max-deliveries", "1"));
        bridge.context().getRouteController().stopRoute("consume-queue");
        client.sendText(QUEUE, "https://example.com/g.png");
        // Another consumer takes the message and dies without settling it, as a crashed bridge would.
        try (QueueClient crashed = QueueClient.core(bridge.broker().url())) {
            crashed.receiveAndRollBack(QUEUE, PATIENCE);
        }

        bridge.context().getRouteController().startRoute("consume-queue");

        Message dead = client.receive(DEAD_LETTERS, PATIENCE);
        assertThat(dead).as("dead-lettered").isNotNull();
        assertThat(dead.getStringProperty(QueueMessages.REASON)).as("names the count and the setting")
                .startsWith("delivered 2 times without an outcome").endsWith("BRIDGE_JMS_MAX_DELIVERIES is 1");
        assertThat(bridge.sandbox().records()).as("not tried again").isEmpty();
    }

    @Test
    void should_reply_with_the_outcome_and_the_correlation_id() throws Exception {
        start(Map.of());

        TextMessage triggered = client.request(QUEUE, "https://example.com/h.png", "order-17", PATIENCE);
        TextMessage failed = client.request(QUEUE, "not a url", null, PATIENCE);

        assertThat(triggered).as("a reply to the first request").isNotNull();
        assertThat(triggered.getJMSCorrelationID()).as("the request's correlation id").isEqualTo("order-17");
        JsonNode results = mapper.readTree(triggered.getText());
        assertThat(results.path("outcome").asText()).as("outcome").isEqualTo("TRIGGERED");
        assertThat(results.path("url").asText()).as("url").isEqualTo("https://example.com/h.png");
        assertThat(results.path("results").path("file").asText()).as("the action's results")
                .isEqualTo("https://example.com/h.png");

        assertThat(failed).as("a reply to the second request").isNotNull();
        assertThat(failed.getJMSCorrelationID()).as("without a correlation id, the request's message id")
                .isEqualTo(client.lastRequestId());
        JsonNode failure = mapper.readTree(failed.getText());
        assertThat(failure.path("outcome").asText()).as("outcome").isEqualTo("FAILED");
        assertThat(failure.path("reason").asText()).as("reason").contains("not an absolute http or https URL");
        assertThat(failed.getStringProperty(QueueMessages.OUTCOME_PROPERTY)).as("outcome property")
                .isEqualTo("FAILED");
    }

    @Test
    void should_take_messages_from_amqp_and_openwire_clients_on_the_broker_port() throws Exception {
        start(Map.of());
        int port = bridge.broker().port();

        try (QueueClient amqp = QueueClient.amqp("amqp://127.0.0.1:" + port)) {
            amqp.sendText(QUEUE, "https://example.com/amqp-text.png");
            amqp.sendBytes(QUEUE, "https://example.com/amqp-bytes.png".getBytes(StandardCharsets.UTF_8));
        }
        OpenWireSender.send("tcp://127.0.0.1:" + port, QUEUE, "https://example.com/openwire.png");

        await().atMost(PATIENCE).until(() -> bridge.sandbox().records().size() == 3);
        assertThat(bridge.sandbox().records().stream().map(SandboxRecord::input).map(input -> input.get("file")))
                .as("each protocol's message triggered").containsExactlyInAnyOrder(
                        "https://example.com/amqp-text.png", "https://example.com/amqp-bytes.png",
                        "https://example.com/openwire.png");
    }

    @Test
    void should_keep_waiting_messages_in_its_journal_across_a_restart(@TempDir Path journal) throws Exception {
        Map<String, String> sameJournal = Map.of("bridge.jms.data-folder", journal.toString());
        start(sameJournal);
        bridge.context().getRouteController().stopRoute("consume-queue");
        client.sendText(QUEUE, "https://example.com/before-restart.png");
        client.close();
        bridge.close();

        start(sameJournal);

        await().atMost(PATIENCE).until(() -> bridge.sandbox().records().size() == 1);
        assertThat(bridge.sandbox().records().get(0).input().get("file")).as("the message survived the stop")
                .isEqualTo("https://example.com/before-restart.png");
    }

    private void start(Map<String, String> overrides) throws Exception {
        bridge = RunningBridge.start(inbox, overrides);
        client = QueueClient.core(bridge.broker().url());
    }

    private long messagesIn(String queue) {
        return bridge.broker().server().locateQueue(SimpleString.of(queue)).getMessageCount();
    }
}
