package dev.bettybridge.queue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bettybridge.config.Setting;
import dev.bettybridge.trigger.ActionOutcome;
import dev.bettybridge.trigger.TriggerRequest;
import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.TextMessage;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of the {@code consume-queue} route: read a JMS message into a trigger request (or a failure when it
 * cannot be one), settle the outcome (a failure is dead-lettered with its reason), and build the reply.
 */
public final class QueueMessages {

    /** String property of a dead-lettered message: why the bridge gave up on it. */
    public static final String REASON = "BridgeFailureReason";

    /** String property of a reply and of a dead-lettered message: {@code TRIGGERED} or {@code FAILED}. */
    public static final String OUTCOME_PROPERTY = "BridgeOutcome";

    /** String property of a dead-lettered message: the id of the message it copies. */
    public static final String ORIGINAL_ID = "BridgeOriginalMessageId";

    static final String DEAD_LETTER = "bridgeQueueDeadLetter";
    static final String BODY = "bridgeQueueBody";
    static final String URL = "bridgeQueueUrl";
    static final String MESSAGE_ID = "bridgeQueueMessageId";
    static final String CORRELATION_ID = "bridgeQueueCorrelationId";
    static final String OUTCOME = "bridgeQueueOutcome";

    private static final String DELIVERY_COUNT = "JMSXDeliveryCount";
    private static final Logger LOG = LoggerFactory.getLogger(QueueMessages.class);

    private final String queue;
    private final String deadLetterQueue;
    private final int maxDeliveries;
    private final String inputName;
    private final ObjectMapper mapper = new ObjectMapper();

    /**
     * @param maxDeliveries deliveries after which a message is dead-lettered without being tried again
     * @param inputName the action input that takes the URL
     */
    public QueueMessages(String queue, String deadLetterQueue, int maxDeliveries, String inputName) {
        this.queue = queue;
        this.deadLetterQueue = deadLetterQueue;
        this.maxDeliveries = maxDeliveries;
        this.inputName = inputName;
    }

    /**
     * Reads the JMS message in the body (the route does not map it, so that no object message is ever deserialised).
     * Keeps what the later steps need in variables.
     *
     * @return a {@link TriggerRequest}, or a failed {@link ActionOutcome} when the message cannot be one
     * @throws JMSException when the broker connection fails while reading; the message is then redelivered
     */
    public Object read(Exchange exchange) throws JMSException {
        jakarta.jms.Message message = exchange.getMessage().getBody(jakarta.jms.Message.class);
        String id = message.getJMSMessageID();
        exchange.setVariable(MESSAGE_ID, id);
        exchange.setVariable(CORRELATION_ID, message.getJMSCorrelationID());
        Object body = payload(message);
        exchange.setVariable(BODY, body);

        int deliveries = message.propertyExists(DELIVERY_COUNT) ? message.getIntProperty(DELIVERY_COUNT) : 1;
        if (deliveries > maxDeliveries) {
            return ActionOutcome.failed("delivered " + deliveries + " times without an outcome (a bridge stopped or"
                    + " failed while triggering it); " + Setting.JMS_MAX_DELIVERIES.environmentVariable() + " is "
                    + maxDeliveries);
        }
        if (!(body instanceof String text)) {
            return ActionOutcome.failed("invalid message: " + (body instanceof byte[]
                    ? "the body is not UTF-8 text"
                    : "a " + kind(message) + " has no text body; send a text or bytes message"));
        }
        try {
            MessageBody request = MessageBody.read(text, inputName);
            exchange.setVariable(URL, request.url());
            return new TriggerRequest(request.url(), request.input(), "message '" + id + "' of queue '" + queue + "'");
        } catch (MessageBody.InvalidBodyException e) {
            return ActionOutcome.failed("invalid message: " + e.getMessage());
        }
    }

    /**
     * Settles the outcome in the body. A failure becomes the dead-letter copy: the original body with the reason,
     * outcome, original id and correlation id as properties, and the {@code bridgeQueueDeadLetter} variable set for
     * the route to send it.
     */
    public void settle(Exchange exchange) {
        ActionOutcome outcome = exchange.getMessage().getBody(ActionOutcome.class);
        exchange.setVariable(OUTCOME, outcome);
        String id = exchange.getVariable(MESSAGE_ID, String.class);
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        exchange.setVariable(DEAD_LETTER, !outcome.triggered());
        if (outcome.triggered()) {
            // The trigger route has logged it at DEBUG with the message id.
            return;
        }
        LOG.warn("Queue message '{}' moved to '{}': {}", id, deadLetterQueue, outcome.reason());
        message.setBody(exchange.getVariable(BODY));
        message.setHeader(REASON, outcome.reason());
        message.setHeader(OUTCOME_PROPERTY, outcome.kind().name());
        message.setHeader(ORIGINAL_ID, id);
        Optional.ofNullable(exchange.getVariable(CORRELATION_ID, String.class))
                .ifPresent(correlation -> message.setHeader("JMSCorrelationID", correlation));
    }

    /**
     * The reply for a message that named a JMSReplyTo: the outcome as JSON, {@code {"outcome": "TRIGGERED", "url":
     * ..., "results": ...}} or {@code {"outcome": "FAILED", "url": ..., "reason": ...}}; the URL is absent when the
     * body held none. camel-jms sends it with the request's JMSCorrelationID (or its JMSMessageID when it had none).
     */
    public String reply(Exchange exchange) throws JsonProcessingException {
        ActionOutcome outcome = exchange.getVariable(OUTCOME, ActionOutcome.class);
        ObjectNode json = mapper.createObjectNode().put("outcome", outcome.kind().name());
        Optional.ofNullable(exchange.getVariable(URL, String.class)).ifPresent(url -> json.put("url", url));
        if (outcome.triggered()) {
            json.set("results", outcome.results().orElse(null));
        } else {
            json.put("reason", outcome.reason());
        }
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(OUTCOME_PROPERTY, outcome.kind().name());
        return mapper.writeValueAsString(json);
    }

    /** The body as text when it is a text message or UTF-8 bytes, the bytes when they are not UTF-8, else null. */
    private static Object payload(jakarta.jms.Message message) throws JMSException {
        if (message instanceof TextMessage text) {
            return text.getText() == null ? "" : text.getText();
        }
        if (message instanceof BytesMessage bytes) {
            byte[] data = new byte[(int) bytes.getBodyLength()];
            bytes.readBytes(data);
            try {
                return StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(data)).toString();
            } catch (CharacterCodingException e) {
                return data;
            }
        }
        return null;
    }

    private static String kind(jakarta.jms.Message message) {
        for (Class<?> type : message.getClass().getInterfaces()) {
            if (type.getName().startsWith("jakarta.jms.")) {
                return type.getSimpleName();
            }
        }
        return message.getClass().getSimpleName();
    }
}
