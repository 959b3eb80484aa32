package dev.bettybridge.queue;

import javax.jms.Connection;
import javax.jms.DeliveryMode;
import javax.jms.JMSException;
import javax.jms.MessageProducer;
import javax.jms.Session;
import org.apache.activemq.ActiveMQConnectionFactory;

/** Sends a text message with the ActiveMQ Classic client over OpenWire, as an older system would. */
final class OpenWireSender {

    private OpenWireSender() {
    }

    static void send(String url, String queue, String text) throws JMSException {
        Connection connection = new ActiveMQConnectionFactory(url).createConnection();
        try {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue(queue));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            producer.send(session.createTextMessage(text));
        } finally {
            connection.close();
        }
    }
}
