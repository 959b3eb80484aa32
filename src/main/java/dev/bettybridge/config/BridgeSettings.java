package dev.bettybridge.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The validated settings of one bridge process. Built once at start-up; a missing or malformed value stops the
 * process with a {@link SettingsException} that names the setting and its environment variable.
 *
 * @param baseUrl the Betty Blocks application URL, empty when the bridge runs against its own sandbox
 * @param appUuid the application UUID, empty in sandbox mode until the sandbox fills it in
 * @param password never logged; {@link #toString()} hides it
 */
public record BridgeSettings(
        Optional<URI> baseUrl,
        String appUuid,
        String actionId,
        String authProfileUuid,
        String username,
        String password,
        String inputName,
        String actionQuery,
        Duration connectTimeout,
        Duration responseTimeout,
        Path inbox,
        int concurrency,
        Duration settleTime,
        int retryAttempts,
        Duration retryFirstDelay,
        Duration retryMaxDelay,
        Optional<Duration> tokenMargin,
        Duration loginRetry) {

    private static final Pattern UUID = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern INPUT_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final List<Setting> APP_IDENTITY = List.of(
            Setting.APP_UUID, Setting.ACTION_ID, Setting.AUTH_PROFILE_UUID, Setting.USERNAME, Setting.PASSWORD);

    /**
     * Reads and checks every setting.
     *
     * @param lookup resolves a key of application.properties (environment overrides applied); null or blank when unset
     * @throws SettingsException for the first setting that is missing or malformed
     */
    public static BridgeSettings read(Function<String, String> lookup) {
        SettingReader reader = new SettingReader(lookup);
        Optional<URI> baseUrl = reader.optional(Setting.BASE_URL).map(BridgeSettings::baseUrl);
        if (baseUrl.isEmpty()) {
            // Without a base URL the bridge talks to its sandbox; half a real configuration must not end up there.
            for (Setting setting : APP_IDENTITY) {
                if (reader.optional(setting).isPresent()) {
                    throw new SettingsException(setting.describe() + " is set but "
                            + Setting.BASE_URL.environmentVariable() + " is not: set it to your app's URL, such as"
                            + " https://my-app.betty.app, or unset the BB_ settings to run against the local sandbox");
                }
            }
        }
        boolean real = baseUrl.isPresent();
        // Camel reads the management port itself; checked here so that a typo gets one clear line.
        reader.number(Setting.MANAGEMENT_PORT, 0, 65535);
        return new BridgeSettings(
                baseUrl,
                real ? reader.matching(Setting.APP_UUID, UUID, "32 lowercase hexadecimal characters") : "",
                real ? reader.matching(Setting.ACTION_ID, UUID, "32 lowercase hexadecimal characters") : "",
                real ? reader.matching(Setting.AUTH_PROFILE_UUID, UUID, "32 lowercase hexadecimal characters") : "",
                real ? reader.required(Setting.USERNAME) : "",
                real ? reader.required(Setting.PASSWORD) : "",
                reader.matching(Setting.INPUT_NAME, INPUT_NAME, "a GraphQL name such as 'file'"),
                actionQuery(reader),
                reader.positiveDuration(Setting.CONNECT_TIMEOUT),
                reader.positiveDuration(Setting.RESPONSE_TIMEOUT),
                Path.of(reader.required(Setting.INBOX)),
                reader.number(Setting.CONCURRENCY, 1, 256),
                reader.positiveDuration(Setting.SETTLE_TIME),
                reader.number(Setting.RETRY_ATTEMPTS, 1, 100),
                reader.positiveDuration(Setting.RETRY_DELAY),
                reader.positiveDuration(Setting.RETRY_MAX_DELAY),
                reader.optional(Setting.TOKEN_MARGIN).map(text -> reader.positiveDuration(Setting.TOKEN_MARGIN)),
                reader.positiveDuration(Setting.LOGIN_RETRY));
    }

    /** Whether the bridge runs against its in-process sandbox rather than a real application. */
    public boolean sandboxMode() {
        return baseUrl.isEmpty();
    }

    /** The same settings aimed at a running runtime API: the sandbox fills in what sandbox mode left empty. */
    public BridgeSettings withApplication(URI url, String app, String action, String profile, String user,
            String secret) {
        return new BridgeSettings(Optional.of(url), app, action, profile, user, secret, inputName, actionQuery,
                connectTimeout, responseTimeout, inbox, concurrency, settleTime, retryAttempts, retryFirstDelay,
                retryMaxDelay, tokenMargin, loginRetry);
    }

    /** The GraphQL endpoint of the application: {@code <base-url>/api/runtime/<app-uuid>}. */
    public URI runtimeUrl() {
        URI base = baseUrl.orElseThrow(() -> new IllegalStateException("no runtime API yet: sandbox not started"));
        return URI.create(base.toString() + "/api/runtime/" + appUuid);
    }

    @Override
    public String toString() {
        return "BridgeSettings[baseUrl=" + baseUrl.map(URI::toString).orElse("(sandbox)") + ", appUuid=" + appUuid
                + ", actionId=" + actionId + ", authProfileUuid=" + authProfileUuid + ", username=" + username
                + ", inputName=" + inputName + ", inbox=" + inbox + ", concurrency=" + concurrency + "]";
    }

    private static URI baseUrl(String text) {
        String trimmed = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (java.net.URISyntaxException e) {
            throw new SettingsException(Setting.BASE_URL.describe() + " is '" + text + "': not a URL ("
                    + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme();
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new SettingsException(Setting.BASE_URL.describe() + " is '" + text
                    + "': expected an http or https URL such as https://my-app.betty.app");
        }
        if (uri.getRawPath() != null && !uri.getRawPath().isEmpty() || uri.getRawQuery() != null) {
            throw new SettingsException(Setting.BASE_URL.describe() + " is '" + text
                    + "': give only scheme and host, such as https://my-app.betty.app; the bridge adds"
                    + " /api/runtime/<app-uuid> itself");
        }
        return uri;
    }

    private static String actionQuery(SettingReader reader) {
        String query = reader.required(Setting.ACTION_QUERY);
        if (!query.contains("action(") || !query.contains("$id") || !query.contains("$input")) {
            throw new SettingsException(Setting.ACTION_QUERY.describe() + " is '" + query
                    + "': expected a mutation calling action(id: $id, input: $input)");
        }
        return query;
    }
}
