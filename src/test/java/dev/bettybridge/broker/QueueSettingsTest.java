package dev.bettybridge.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bettybridge.config.SettingsException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The queue settings check that stops start-up with one clear line. */
class QueueSettingsTest {

    private final Map<String, String> values = new HashMap<>();

    QueueSettingsTest() {
        values.put("bridge.jms.queue", "betty.urls");
        values.put("bridge.jms.url", "");
        values.put("bridge.jms.username", "");
        values.put("bridge.jms.password", "");
        values.put("bridge.jms.port", "61616");
        values.put("bridge.jms.data-folder", "data/broker");
        values.put("bridge.jms.consumers", "4");
        values.put("bridge.jms.max-deliveries", "5");
    }

    @Test
    void should_use_the_embedded_broker_by_default() {
        QueueSettings settings = QueueSettings.read(values::get);

        assertThat(settings.embedded()).as("no BRIDGE_JMS_URL means embedded").isTrue();
        assertThat(settings.deadLetterQueue()).as("dead-letter queue").isEqualTo("betty.urls.DLQ");
        assertThat(settings.dataFolder()).as("data folder").isEqualTo(Path.of("data/broker"));
    }

    @Test
    void should_use_an_external_broker_with_its_login() {
        values.put("bridge.jms.url", "tcp://broker.example.com:61616");
        values.put("bridge.jms.username", "bridge");
        values.put("bridge.jms.password", "not-a-real-password");

        QueueSettings settings = QueueSettings.read(values::get);

        assertThat(settings.embedded()).as("external").isFalse();
        assertThat(settings.username()).as("user").isEqualTo(Optional.of("bridge"));
        assertThat(settings.toString()).as("toString hides the password").doesNotContain("not-a-real-password");
    }

    @Test
    void should_name_the_setting_and_variable_when_the_queue_name_is_malformed() {
        values.put("bridge.jms.queue", "betty urls");

        assertThatThrownBy(() -> QueueSettings.read(values::get)).isInstanceOf(SettingsException.class)
                .hasMessage("setting 'bridge.jms.queue' (environment variable BRIDGE_JMS_QUEUE) is 'betty urls':"
                        + " expected a queue name of letters, digits, '.', '_' or '-', such as betty.urls");
    }

    @Test
    void should_refuse_a_login_without_a_broker_url() {
        values.put("bridge.jms.password", "not-a-real-password");

        assertThatThrownBy(() -> QueueSettings.read(values::get)).isInstanceOf(SettingsException.class)
                .hasMessageStartingWith("setting 'bridge.jms.password' (environment variable BRIDGE_JMS_PASSWORD) is"
                        + " set but BRIDGE_JMS_URL is not")
                .hasMessageNotContaining("not-a-real-password");
    }

    @Test
    void should_refuse_consumers_out_of_range() {
        values.put("bridge.jms.consumers", "0");

        assertThatThrownBy(() -> QueueSettings.read(values::get))
                .hasMessage("setting 'bridge.jms.consumers' (environment variable BRIDGE_JMS_CONSUMERS) is '0':"
                        + " expected a whole number from 1 to 256");
    }

    @Test
    void should_refuse_a_port_that_is_not_a_number() {
        values.put("bridge.jms.port", "61616x");

        assertThatThrownBy(() -> QueueSettings.read(values::get)).hasMessageContaining("BRIDGE_JMS_PORT")
                .hasMessageContaining("expected a whole number from 0 to 65535");
    }

    @Test
    void should_hide_credentials_of_a_broker_url_in_logs() {
        assertThat(QueueSettings.withoutCredentials(
                "(tcp://a:61616,tcp://b:61616)?ha=true&user=bridge&password=secret&reconnectAttempts=-1"))
                .as("user and password replaced, the rest kept")
                .isEqualTo("(tcp://a:61616,tcp://b:61616)?ha=true&user=(hidden)&password=(hidden)"
                        + "&reconnectAttempts=-1");
    }

    @Test
    void should_refuse_a_broker_url_that_artemis_cannot_read() {
        values.put("bridge.jms.url", "nonsense?password=secret");
        QueueSettings settings = QueueSettings.read(values::get);

        assertThatThrownBy(() -> QueueSetup.connectionFactory(settings, settings.brokerUrl().orElseThrow()))
                .isInstanceOf(SettingsException.class)
                .hasMessageStartingWith("setting 'bridge.jms.url' (environment variable BRIDGE_JMS_URL) is"
                        + " 'nonsense?password=(hidden)': not a broker URL")
                .hasMessageNotContaining("secret");
    }
}
