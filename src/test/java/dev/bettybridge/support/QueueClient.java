package dev.bettybridge.support;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.qpid.jms.JmsConnectionFactory;

/**
 * A JMS client of the kind another system would run: sends persistent messages to a queue and reads queues, over
 * CORE (the Artemis client) or AMQP 1.0 (Qpid JMS), in auto-acknowledge sessions.
 */
public final class QueueClient implements AutoCloseable {

    private final Connection connection;
    private final Session session;
    private String lastSentId;

    private QueueClient(ConnectionFactory factory) throws JMSException {
        this.connection = factory.createConnection();
        this.session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        connection.start();
    }

    /** A CORE client, such as {@code tcp://127.0.0.1:61616}. */
    public static QueueClient core(String url) throws JMSException {
        return new QueueClient(new ActiveMQConnectionFactory(url));
    }

    /** An AMQP 1.0 client, such as {@code amqp://127.0.0.1:61616}. */
    public static QueueClient amqp(String url) throws JMSException {
        return new QueueClient(new JmsConnectionFactory(url));
    }

    /** Sends a text message. */
    public void sendText(String queue, String text) throws JMSException {
        send(queue, session.createTextMessage(text));
    }

    /** Sends the text as a bytes message, UTF-8 encoded. */
    public void sendBytes(String queue, byte[] bytes) throws JMSException {
        BytesMessage message = session.createBytesMessage();
        message.writeBytes(bytes);
        send(queue, message);
    }

    /** Sends many text messages in transactions of a hundred, which is how a bulk sender is fast and safe. */
    public void sendTexts(String queue, List<String> texts) throws JMSException {
        try (Session batch = connection.createSession(true, Session.SESSION_TRANSACTED);
                MessageProducer producer = batch.createProducer(batch.createQueue(queue))) {
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            for (int i = 0; i < texts.size(); i++) {
                producer.send(batch.createTextMessage(texts.get(i)));
                if (i % 100 == 99) {
                    batch.commit();
                }
            }
            batch.commit();
        }
    }

    /**
     * Sends a text message that asks for a reply, and waits for it.
     *
     * @param correlationId the request's JMSCorrelationID, or null for none
     * @return the reply, or null when none came in time
     */
    public TextMessage request(String queue, String text, String correlationId, Duration patience)
            throws JMSException {
        TemporaryQueue replies = session.createTemporaryQueue();
        try (MessageConsumer consumer = session.createConsumer(replies)) {
            TextMessage message = session.createTextMessage(text);
            message.setJMSReplyTo(replies);
            if (correlationId != null) {
                message.setJMSCorrelationID(correlationId);
            }
            send(queue, message);
            lastSentId = message.getJMSMessageID();
            return (TextMessage) consumer.receive(patience.toMillis());
        } finally {
            replies.delete();
        }
    }

    /** The JMSMessageID of the last request sent with {@link #request}. */
    public String lastRequestId() {
        return lastSentId;
    }

    /** Takes the next message of a queue, or null when none comes in time. */
    public Message receive(String queue, Duration patience) throws JMSException {
        try (MessageConsumer consumer = session.createConsumer(session.createQueue(queue))) {
            return consumer.receive(patience.toMillis());
        }
    }

    /** Takes the next message of a queue in a transaction and rolls it back, as a consumer that died would. */
    public void receiveAndRollBack(String queue, Duration patience) throws JMSException {
        try (Session transacted = connection.createSession(true, Session.SESSION_TRANSACTED);
                MessageConsumer consumer = transacted.createConsumer(transacted.createQueue(queue))) {
            if (consumer.receive(patience.toMillis()) == null) {
                throw new IllegalStateException("no message in '" + queue + "' to roll back");
            }
            transacted.rollback();
        }
    }

    /** The body of a text or bytes message as text. */
    public static String text(Message message) throws JMSException {
        if (message instanceof TextMessage text) {
            return text.getText();
        }
        BytesMessage bytes = (BytesMessage) message;
        byte[] data = new byte[(int) bytes.getBodyLength()];
        bytes.readBytes(data);
        return new String(data, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws JMSException {
        connection.close();
    }

    private void send(String queue, Message message) throws JMSException {
        try (MessageProducer producer = session.createProducer(session.createQueue(queue))) {
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            producer.send(message);
        }
    }
}
