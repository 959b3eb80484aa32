package dev.bettybridge.broker;

import dev.bettybridge.config.Setting;
import dev.bettybridge.config.SettingsException;
import dev.bettybridge.queue.QueueMessages;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.support.service.ServiceSupport;
import org.messaginghub.pooled.jms.JmsPoolConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the queue source before the routes are built: checks its settings, starts the embedded broker unless an
 * external one is set, gives camel-jms a pooled connection factory, and binds the bean the {@code consume-queue}
 * route calls. Everything it starts stops after the routes.
 */
public final class QueueSetup {

    /** The bean with the steps of the {@code consume-queue} route. */
    public static final String MESSAGES_BEAN = "queueMessages";

    /** The embedded broker, bound only when it runs. */
    public static final String BROKER_BEAN = "embeddedBroker";

    private static final Logger LOG = LoggerFactory.getLogger(QueueSetup.class);

    private QueueSetup() {
    }

    /**
     * Reads the queue settings and wires the queue source into the context.
     *
     * @param lookup resolves a key of application.properties (environment overrides applied)
     * @throws SettingsException when a queue setting is missing or malformed, or the embedded broker cannot start
     *     with the configured folder or port
     */
    public static void bind(CamelContext context, Function<String, String> lookup) {
        QueueSettings settings = QueueSettings.read(lookup);
        String inputName = Optional.ofNullable(lookup.apply(Setting.INPUT_NAME.key())).orElse("").trim();
        EmbeddedBroker broker = settings.embedded() ? EmbeddedBroker.start(settings) : null;
        String url = broker == null ? settings.brokerUrl().orElseThrow() : broker.url();
        JmsPoolConnectionFactory pool;
        try {
            pool = pool(connectionFactory(settings, url));
            addStopper(context, pool, broker);
        } catch (RuntimeException e) {
            if (broker != null) {
                broker.close();
            }
            throw e;
        }
        context.getComponent("jms", JmsComponent.class).setConnectionFactory(pool);
        context.getRegistry().bind(MESSAGES_BEAN, new QueueMessages(settings.queue(), settings.deadLetterQueue(),
                settings.maxDeliveries(), inputName));
        if (broker != null) {
            context.getRegistry().bind(BROKER_BEAN, broker);
            LOG.info("Queue source: {} consumers on queue '{}' of the EMBEDDED broker at 127.0.0.1:{} (CORE, AMQP 1.0,"
                    + " OpenWire), journal in '{}'; dead letters go to '{}'", settings.consumers(), settings.queue(),
                    broker.port(), settings.dataFolder().toAbsolutePath(), settings.deadLetterQueue());
        } else {
            LOG.info("Queue source: {} consumers on queue '{}' of the external broker at '{}'{}; dead letters go to"
                    + " '{}'", settings.consumers(), settings.queue(), settings.brokerForLog(),
                    settings.username().map(user -> " as '" + user + "'").orElse(""), settings.deadLetterQueue());
        }
    }

    /**
     * An Artemis connection factory for the URL, with the login of the settings.
     *
     * @throws SettingsException when Artemis cannot read the URL
     */
    static ActiveMQConnectionFactory connectionFactory(QueueSettings settings, String url) {
        ActiveMQConnectionFactory factory;
        try {
            factory = new ActiveMQConnectionFactory(url);
        } catch (RuntimeException e) {
            throw new SettingsException(Setting.JMS_URL.describe() + " is '" + settings.brokerForLog()
                    + "': not a broker URL that Artemis reads; expected tcp://host:61616, or"
                    + " (tcp://host1:61616,tcp://host2:61616) for a cluster");
        }
        settings.username().ifPresent(factory::setUser);
        if (!settings.password().isEmpty()) {
            factory.setPassword(settings.password());
        }
        if (!url.toLowerCase(Locale.ROOT).contains("consumerwindowsize")) {
            // A message may hold a consumer for the minute an action can run: messages buffered by a busy bridge
            // would wait there while another bridge, or another consumer of this one, has nothing to do.
            factory.setConsumerWindowSize(0);
        }
        return factory;
    }

    private static JmsPoolConnectionFactory pool(ActiveMQConnectionFactory factory) {
        JmsPoolConnectionFactory pool = new JmsPoolConnectionFactory();
        pool.setConnectionFactory(factory);
        return pool;
    }

    private static void addStopper(CamelContext context, JmsPoolConnectionFactory pool, EmbeddedBroker broker) {
        try {
            context.addService(new ServiceSupport() {
                @Override
                protected void doStop() {
                    // Routes have stopped by now; close the pooled connections before the broker goes away.
                    pool.stop();
                    if (broker != null) {
                        broker.close();
                    }
                }
            }, true, false);
        } catch (Exception e) {
            pool.stop();
            throw new IllegalStateException("cannot register the queue source with the Camel context", e);
        }
    }
}
