package dev.bettybridge.config;

/**
 * One configuration key of the bridge together with the environment variable that deployments use to set it.
 *
 * @param key the key in application.properties
 * @param environmentVariable the variable that overrides it
 * @param secret whether its value must never be shown
 */
public record Setting(String key, String environmentVariable, boolean secret) {

    public static final Setting BASE_URL = new Setting("bridge.betty.base-url", "BB_BASE_URL", false);
    public static final Setting APP_UUID = new Setting("bridge.betty.app-uuid", "BB_APP_UUID", false);
    public static final Setting ACTION_ID = new Setting("bridge.betty.action-id", "BB_ACTION_ID", false);
    public static final Setting AUTH_PROFILE_UUID =
            new Setting("bridge.betty.auth-profile-uuid", "BB_AUTH_PROFILE_UUID", false);
    public static final Setting USERNAME = new Setting("bridge.betty.username", "BB_USERNAME", false);
    public static final Setting PASSWORD = new Setting("bridge.betty.password", "BB_PASSWORD", true);
    public static final Setting INPUT_NAME = new Setting("bridge.betty.input-name", "BB_INPUT_NAME", false);
    public static final Setting ACTION_QUERY =
            new Setting("bridge.betty.action-query", "BRIDGE_BETTY_ACTION_QUERY", false);
    public static final Setting CONNECT_TIMEOUT =
            new Setting("bridge.betty.connect-timeout", "BRIDGE_BETTY_CONNECT_TIMEOUT", false);
    public static final Setting RESPONSE_TIMEOUT =
            new Setting("bridge.betty.response-timeout", "BRIDGE_BETTY_RESPONSE_TIMEOUT", false);
    public static final Setting INBOX = new Setting("bridge.inbox.folder", "BRIDGE_INBOX", false);
    public static final Setting CONCURRENCY = new Setting("bridge.inbox.concurrency", "BRIDGE_CONCURRENCY", false);
    public static final Setting SETTLE_TIME =
            new Setting("bridge.inbox.settle-time", "BRIDGE_INBOX_SETTLE_TIME", false);
    public static final Setting MANAGEMENT_PORT =
            new Setting("camel.management.port", "BRIDGE_MANAGEMENT_PORT", false);
    public static final Setting RETRY_ATTEMPTS =
            new Setting("bridge.retry.max-attempts", "BRIDGE_RETRY_MAX_ATTEMPTS", false);
    public static final Setting RETRY_DELAY =
            new Setting("bridge.retry.first-delay", "BRIDGE_RETRY_FIRST_DELAY", false);
    public static final Setting RETRY_MAX_DELAY =
            new Setting("bridge.retry.max-delay", "BRIDGE_RETRY_MAX_DELAY", false);
    public static final Setting TOKEN_MARGIN = new Setting("bridge.token.margin", "BRIDGE_TOKEN_MARGIN", false);
    public static final Setting LOGIN_RETRY =
            new Setting("bridge.token.login-retry", "BRIDGE_TOKEN_LOGIN_RETRY", false);

    // Queue and schedule sources.
    public static final Setting JMS_QUEUE = new Setting("bridge.jms.queue", "BRIDGE_JMS_QUEUE", false);
    public static final Setting JMS_URL = new Setting("bridge.jms.url", "BRIDGE_JMS_URL", false);
    public static final Setting JMS_USERNAME = new Setting("bridge.jms.username", "BRIDGE_JMS_USERNAME", false);
    public static final Setting JMS_PASSWORD = new Setting("bridge.jms.password", "BRIDGE_JMS_PASSWORD", true);
    public static final Setting JMS_PORT = new Setting("bridge.jms.port", "BRIDGE_JMS_PORT", false);
    public static final Setting JMS_DATA_FOLDER =
            new Setting("bridge.jms.data-folder", "BRIDGE_JMS_DATA_FOLDER", false);
    public static final Setting JMS_CONSUMERS = new Setting("bridge.jms.consumers", "BRIDGE_JMS_CONSUMERS", false);
    public static final Setting JMS_MAX_DELIVERIES =
            new Setting("bridge.jms.max-deliveries", "BRIDGE_JMS_MAX_DELIVERIES", false);
    public static final Setting TIMER_URLS = new Setting("bridge.timer.urls", "BRIDGE_TIMER_URLS", false);
    public static final Setting TIMER_PERIOD = new Setting("bridge.timer.period", "BRIDGE_TIMER_PERIOD", false);

    /** The words a user reads in an error: the key and the variable that sets it. */
    public String describe() {
        return "setting '" + key + "' (environment variable " + environmentVariable + ")";
    }

    /** A value as it may be quoted in a message: secrets are never quoted. */
    public String quote(String value) {
        return secret ? "(hidden)" : "'" + value + "'";
    }
}
