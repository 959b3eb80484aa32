package dev.bettybridge.broker;

import dev.bettybridge.config.Setting;
import dev.bettybridge.config.SettingReader;
import dev.bettybridge.config.SettingsException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The validated settings of the queue source: which queue, and either the embedded broker (port, data folder) or an
 * external broker (URL and login).
 *
 * @param queue the queue the bridge consumes; its dead-letter queue is {@code <queue>.DLQ}
 * @param brokerUrl the external broker's URL, empty for the embedded broker; may hold credentials, see
 *     {@link #brokerForLog()}
 * @param username the login on the external broker, empty for none
 * @param password never logged; {@link #toString()} hides it
 * @param port the embedded broker's port on 127.0.0.1, 0 for any free port
 * @param dataFolder the embedded broker's instance folder, which holds its journal
 * @param consumers messages handled at once
 * @param maxDeliveries deliveries of one message before it is dead-lettered without trying again
 */
public record QueueSettings(
        String queue,
        Optional<String> brokerUrl,
        Optional<String> username,
        String password,
        int port,
        Path dataFolder,
        int consumers,
        int maxDeliveries) {

    /** Suffix of the dead-letter queue's name. */
    public static final String DEAD_LETTER_SUFFIX = ".DLQ";

    // Kept to characters that mean the same in a JMS name, an AMQP address and a Camel endpoint URI.
    private static final Pattern QUEUE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");
    private static final Pattern URL_CREDENTIAL = Pattern.compile("(?i)((?:user|username|password)=)[^&,)]*");
    private static final Pattern URL_USER_INFO = Pattern.compile("//[^/@,()]*@");

    /**
     * Reads and checks the queue settings.
     *
     * @param lookup resolves a key of application.properties (environment overrides applied)
     * @throws SettingsException for the first setting that is missing or malformed
     */
    public static QueueSettings read(Function<String, String> lookup) {
        SettingReader reader = new SettingReader(lookup);
        String queue = reader.matching(Setting.JMS_QUEUE, QUEUE_NAME,
                "a queue name of letters, digits, '.', '_' or '-', such as betty.urls");
        Optional<String> url = reader.optional(Setting.JMS_URL);
        Optional<String> username = reader.optional(Setting.JMS_USERNAME);
        // A password may start or end with spaces, so it is taken as it is.
        String password = Optional.ofNullable(lookup.apply(Setting.JMS_PASSWORD.key())).orElse("");
        if (url.isEmpty()) {
            // The embedded broker takes no login; credentials without a URL mean the URL was forgotten.
            for (Setting setting : new Setting[] {Setting.JMS_USERNAME, Setting.JMS_PASSWORD}) {
                if (reader.optional(setting).isPresent()) {
                    throw new SettingsException(setting.describe() + " is set but "
                            + Setting.JMS_URL.environmentVariable() + " is not: set it to your broker's URL, such as"
                            + " tcp://broker.example.com:61616, or unset the login to use the embedded broker");
                }
            }
        }
        return new QueueSettings(
                queue,
                url,
                username,
                password,
                reader.number(Setting.JMS_PORT, 0, 65535),
                Path.of(reader.required(Setting.JMS_DATA_FOLDER)),
                reader.number(Setting.JMS_CONSUMERS, 1, 256),
                reader.number(Setting.JMS_MAX_DELIVERIES, 1, 100));
    }

    /** Whether the bridge runs its own broker rather than using an external one. */
    public boolean embedded() {
        return brokerUrl.isEmpty();
    }

    /** The queue that takes messages the bridge gives up on. */
    public String deadLetterQueue() {
        return queue + DEAD_LETTER_SUFFIX;
    }

    /** The external broker's URL fit for a log line: user names and passwords in it are replaced. */
    public String brokerForLog() {
        return brokerUrl.map(QueueSettings::withoutCredentials).orElse("(embedded)");
    }

    @Override
    public String toString() {
        return "QueueSettings[queue=" + queue + ", broker=" + brokerForLog() + ", username="
                + username.orElse("") + ", port=" + port + ", dataFolder=" + dataFolder + ", consumers=" + consumers
                + ", maxDeliveries=" + maxDeliveries + "]";
    }

    static String withoutCredentials(String url) {
        Matcher credentials = URL_CREDENTIAL.matcher(url);
        String masked = credentials.replaceAll("$1(hidden)");
        return URL_USER_INFO.matcher(masked).replaceAll("//(hidden)@");
    }
}
