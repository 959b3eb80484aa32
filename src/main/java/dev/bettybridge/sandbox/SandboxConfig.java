package dev.bettybridge.sandbox;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Settings of the sandbox; immutable, validated on construction, and its {@code toString()} never shows the password.
 *
 * @param port               TCP port on 127.0.0.1, 0 for any free port
 * @param appUuid            application UUID served at {@code /api/runtime/<appUuid>}
 * @param actionId           the one action id that exists
 * @param authProfileUuid    the one authentication profile that exists
 * @param username           the one user that can log in
 * @param password           that user's password (secret)
 * @param inputName          the action's input variable that must be present, default {@code file}
 * @param tokenLifetime      access-token lifetime ({@code accessExpiresIn} and the JWT {@code exp}), whole seconds
 * @param refreshLifetime    refresh-token lifetime, whole seconds
 * @param latency            delay added to every request
 * @param failureRate        share of requests answered with an injected HTTP 503, 0..1
 * @param rateLimitPerMinute requests allowed per fixed one-minute window, 0 for no limit
 * @param revokeEvery        every N-th action call revokes all tokens issued so far, 0 for never
 * @param errorHttpStatus    HTTP status of answers that carry a GraphQL {@code errors} array
 */
public record SandboxConfig(
        int port,
        String appUuid, String actionId, String authProfileUuid,
        String username, String password,
        String inputName,
        Duration tokenLifetime,
        Duration refreshLifetime,
        Duration latency,
        double failureRate,
        int rateLimitPerMinute,
        int revokeEvery,
        int errorHttpStatus) {

    public static final String DEFAULT_APP_UUID = "5a4db0c0000000000000000000000a99";
    public static final String DEFAULT_ACTION_ID = "5a4db0c00000000000000000000ac710";
    public static final String DEFAULT_AUTH_PROFILE_UUID = "5a4db0c000000000000000000000a0f1";
    public static final String DEFAULT_USERNAME = "sandbox-user";
    public static final String DEFAULT_PASSWORD = "sandbox-password";
    public static final int DEFAULT_PORT = 8585;
    public static final String DEFAULT_INPUT_NAME = "file";
    public static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofSeconds(300);
    public static final Duration DEFAULT_REFRESH_LIFETIME = Duration.ofSeconds(3600);

    /** Prefix of every property key that {@link #from(Function)} reads. */
    public static final String PREFIX = "bridge.sandbox.";

    private static final Pattern DURATION = Pattern.compile("(\\d{1,12})\\s*(ms|s|m|h)?");
    // Identifiers end up in the URL path and in JWT claims, so keep them to URL-safe characters.
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9_.-]+");

    /**
     * Validates the settings.
     *
     * @throws IllegalArgumentException when a value is out of range; the message names the property key
     */
    public SandboxConfig {
        require(port >= 0 && port <= 65535, "port", "must be 0..65535, got " + port);
        requireIdentifier(appUuid, "app-uuid");
        requireIdentifier(actionId, "action-id");
        requireIdentifier(authProfileUuid, "auth-profile-uuid");
        require(username != null && !username.isBlank(), "username", "must not be blank");
        require(password != null && !password.isEmpty(), "password", "must not be empty");
        require(inputName != null && !inputName.isBlank(), "input-name", "must not be blank");
        requireWholeSeconds(tokenLifetime, "token-lifetime");
        requireWholeSeconds(refreshLifetime, "refresh-lifetime");
        require(latency != null && !latency.isNegative(), "latency", "must not be negative, got " + latency);
        require(failureRate >= 0.0 && failureRate <= 1.0, "failure-rate", "must be 0..1, got " + failureRate);
        require(rateLimitPerMinute >= 0, "rate-limit-per-minute", "must be >= 0, got " + rateLimitPerMinute);
        require(revokeEvery >= 0, "revoke-every", "must be >= 0, got " + revokeEvery);
        require(errorHttpStatus >= 200 && errorHttpStatus <= 599, "error-http-status",
                "must be an HTTP status 200..599, got " + errorHttpStatus);
    }

    /**
     * Returns the defaults: port 8585, the {@code DEFAULT_*} identifiers and credentials, input {@code file}, tokens
     * for 300 s, refresh tokens for 3600 s, and no latency, failures, rate limit or revocation.
     *
     * @return the default settings
     */
    public static SandboxConfig defaults() {
        return new SandboxConfig(DEFAULT_PORT, DEFAULT_APP_UUID, DEFAULT_ACTION_ID, DEFAULT_AUTH_PROFILE_UUID,
                DEFAULT_USERNAME, DEFAULT_PASSWORD, DEFAULT_INPUT_NAME, DEFAULT_TOKEN_LIFETIME,
                DEFAULT_REFRESH_LIFETIME, Duration.ZERO, 0.0, 0, 0, 200);
    }

    /**
     * Reads the settings from {@code bridge.sandbox.*} keys; an absent key ({@code null} or blank) keeps the default.
     * Durations accept {@code 300s}, {@code 20ms}, {@code 5m}, {@code 1h}, plain seconds ({@code 300}) or ISO-8601
     * ({@code PT5M}).
     *
     * @param lookup returns the value of a full key such as {@code bridge.sandbox.port}, or null when absent
     * @return the settings
     * @throws IllegalArgumentException when a value is malformed or out of range; the message names the key and,
     *                                  except for the password, the bad value
     */
    public static SandboxConfig from(Function<String, String> lookup) {
        SandboxConfig d = defaults();
        return new SandboxConfig(
                intValue(lookup, "port", d.port()),
                text(lookup, "app-uuid", d.appUuid()),
                text(lookup, "action-id", d.actionId()),
                text(lookup, "auth-profile-uuid", d.authProfileUuid()),
                text(lookup, "username", d.username()),
                secret(lookup, "password", d.password()),
                text(lookup, "input-name", d.inputName()),
                duration(lookup, "token-lifetime", d.tokenLifetime()),
                duration(lookup, "refresh-lifetime", d.refreshLifetime()),
                duration(lookup, "latency", d.latency()),
                doubleValue(lookup, "failure-rate", d.failureRate()),
                intValue(lookup, "rate-limit-per-minute", d.rateLimitPerMinute()),
                intValue(lookup, "revoke-every", d.revokeEvery()),
                intValue(lookup, "error-http-status", d.errorHttpStatus()));
    }

    /**
     * Parses a duration the way {@link #from(Function)} does.
     *
     * @param key   the full property key, used in the error message
     * @param value the text, such as {@code 300s}, {@code 20ms}, {@code 5m}, {@code 1h}, {@code 300} or {@code PT5M}
     * @return the duration
     * @throws IllegalArgumentException when the text is not one of those forms
     */
    static Duration parseDuration(String key, String value) {
        String trimmed = value.trim();
        if (trimmed.toUpperCase(Locale.ROOT).startsWith("PT")) {
            try {
                return Duration.parse(trimmed);
            } catch (DateTimeParseException e) {
                throw malformed(key, value, "a duration such as 300s, 20ms, 5m, 1h or PT5M");
            }
        }
        Matcher m = DURATION.matcher(trimmed.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw malformed(key, value, "a duration such as 300s, 20ms, 5m, 1h or plain seconds");
        }
        long amount = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofSeconds(amount);
        };
    }

    /** Returns a copy with another port (0 for any free port); throws IllegalArgumentException when it is invalid. */
    public SandboxConfig withPort(int newPort) {
        return new SandboxConfig(newPort, appUuid, actionId, authProfileUuid, username, password, inputName,
                tokenLifetime, refreshLifetime, latency, failureRate, rateLimitPerMinute, revokeEvery, errorHttpStatus);
    }

    /** Returns a copy with another application UUID; throws IllegalArgumentException when it is invalid. */
    public SandboxConfig withAppUuid(String newAppUuid) {
        return new SandboxConfig(port, newAppUuid, actionId, authProfileUuid, username, password, inputName,
                tokenLifetime, refreshLifetime, latency, failureRate, rateLimitPerMinute, revokeEvery, errorHttpStatus);
    }

    /** Returns a copy with another action id; throws IllegalArgumentException when it is invalid. */
    public SandboxConfig withActionId(String newActionId) {
        return new SandboxConfig(port, appUuid, newActionId, authProfileUuid, username, password, inputName,
                tokenLifetime, refreshLifetime, latency, failureRate, rateLimitPerMinute, revokeEvery, errorHttpStatus);
    }

    /** Returns a copy with another authentication profile UUID; throws IllegalArgumentException when it is invalid. */
    public SandboxConfig withAuthProfileUuid(String newAuthProfileUuid) {
        return new SandboxConfig(port, appUuid, actionId, newAuthProfileUuid, username, password, inputName,
                tokenLifetime, refreshLifetime, latency, failureRate, rateLimitPerMinute, revokeEvery, errorHttpStatus);
    }

    /** Returns a copy with another username and password; throws IllegalArgumentException when it is invalid. */
    public SandboxConfig withCredentials(String newUsername, String newPassword) {
        return new SandboxConfig(port, appUuid, actionId, authProfileUuid, newUsername, newPassword, inputName,
                tokenLifetime, refreshLifetime, latency, failureRate, rateLimitPerMinute, revokeEvery, errorHttpStatus);
    }

    /** Returns a copy with another required input variable name; throws IllegalArgumentException when it is invalid. */
    public SandboxConfig withInputName(String newInputName) {
        return new SandboxConfig(port, appUuid, actionId, authProfileUuid, username, password, newInputName,
                tokenLifetime, refreshLifetime, latency, failureRate, rateLimitPerMinute, revokeEvery, errorHttpStatus);
    }

    /** Returns a copy with another access-token lifetime; throws IllegalArgumentException when it is invalid. */
    public SandboxConfig withTokenLifetime(Duration newTokenLifetime) {
        return new SandboxConfig(port, appUuid, actionId, authProfileUuid, username, password, inputName,
                newTokenLifetime, refreshLifetime, latency, failureRate, rateLimitPerMinute, revokeEvery,
                errorHttpStatus);
    }

    /** Returns a copy with another refresh-token lifetime; throws IllegalArgumentException when it is invalid. */
    public SandboxConfig withRefreshLifetime(Duration newRefreshLifetime) {
        return new SandboxConfig(port, appUuid, actionId, authProfileUuid, username, password, inputName,
                tokenLifetime, newRefreshLifetime, latency, failureRate, rateLimitPerMinute, revokeEvery,
                errorHttpStatus);
    }

    /**
     * Returns a copy with another latency added to every request;
     * throws IllegalArgumentException when it is invalid.
     */
    public SandboxConfig withLatency(Duration newLatency) {
        return new SandboxConfig(port, appUuid, actionId, authProfileUuid, username, password, inputName,
                tokenLifetime, refreshLifetime, newLatency, failureRate, rateLimitPerMinute, revokeEvery,
                errorHttpStatus);
    }

    /**
     * Returns a copy with another share of requests answered with HTTP 503;
     * throws IllegalArgumentException when it is invalid.
     */
    public SandboxConfig withFailureRate(double newFailureRate) {
        return new SandboxConfig(port, appUuid, actionId, authProfileUuid, username, password, inputName,
                tokenLifetime, refreshLifetime, latency, newFailureRate, rateLimitPerMinute, revokeEvery,
                errorHttpStatus);
    }

    /**
     * Returns a copy with another requests allowed per minute (0 for no limit);
     * throws IllegalArgumentException when it is invalid.
     */
    public SandboxConfig withRateLimitPerMinute(int newRateLimitPerMinute) {
        return new SandboxConfig(port, appUuid, actionId, authProfileUuid, username, password, inputName,
                tokenLifetime, refreshLifetime, latency, failureRate, newRateLimitPerMinute, revokeEvery,
                errorHttpStatus);
    }

    /**
     * Returns a copy with another revocation period in action calls (0 for never);
     * throws IllegalArgumentException when it is invalid.
     */
    public SandboxConfig withRevokeEvery(int newRevokeEvery) {
        return new SandboxConfig(port, appUuid, actionId, authProfileUuid, username, password, inputName,
                tokenLifetime, refreshLifetime, latency, failureRate, rateLimitPerMinute, newRevokeEvery,
                errorHttpStatus);
    }

    /**
     * Returns a copy with another HTTP status of GraphQL error answers;
     * throws IllegalArgumentException when it is invalid.
     */
    public SandboxConfig withErrorHttpStatus(int newErrorHttpStatus) {
        return new SandboxConfig(port, appUuid, actionId, authProfileUuid, username, password, inputName,
                tokenLifetime, refreshLifetime, latency, failureRate, rateLimitPerMinute, revokeEvery,
                newErrorHttpStatus);
    }

    /** Shows every setting except the password, which is masked. */
    @Override
    public String toString() {
        return "SandboxConfig[port=" + port + ", appUuid=" + appUuid + ", actionId=" + actionId
                + ", authProfileUuid=" + authProfileUuid + ", username=" + username + ", password=****"
                + ", inputName=" + inputName + ", tokenLifetime=" + tokenLifetime
                + ", refreshLifetime=" + refreshLifetime + ", latency=" + latency + ", failureRate=" + failureRate
                + ", rateLimitPerMinute=" + rateLimitPerMinute + ", revokeEvery=" + revokeEvery
                + ", errorHttpStatus=" + errorHttpStatus + "]";
    }

    private static String raw(Function<String, String> lookup, String name) {
        String value = lookup.apply(PREFIX + name);
        return value == null || value.isBlank() ? null : value;
    }

    private static String text(Function<String, String> lookup, String name, String fallback) {
        String value = raw(lookup, name);
        return value == null ? fallback : value.trim();
    }

    private static String secret(Function<String, String> lookup, String name, String fallback) {
        // A password may legitimately start or end with spaces, so it is taken as it is.
        String value = lookup.apply(PREFIX + name);
        return value == null || value.isEmpty() ? fallback : value;
    }

    private static int intValue(Function<String, String> lookup, String name, int fallback) {
        String value = raw(lookup, name);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw malformed(PREFIX + name, value, "a whole number");
        }
    }

    private static double doubleValue(Function<String, String> lookup, String name, double fallback) {
        String value = raw(lookup, name);
        if (value == null) {
            return fallback;
        }
        try {
            double parsed = Double.parseDouble(value.trim());
            if (Double.isNaN(parsed)) {
                throw malformed(PREFIX + name, value, "a number from 0 to 1");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw malformed(PREFIX + name, value, "a number from 0 to 1");
        }
    }

    private static Duration duration(Function<String, String> lookup, String name, Duration fallback) {
        String value = raw(lookup, name);
        return value == null ? fallback : parseDuration(PREFIX + name, value);
    }

    private static IllegalArgumentException malformed(String key, String value, String expected) {
        return new IllegalArgumentException("Invalid value '" + value + "' for " + key + ": expected " + expected);
    }

    private static void require(boolean condition, String name, String problem) {
        if (!condition) {
            throw new IllegalArgumentException(PREFIX + name + " " + problem);
        }
    }

    private static void requireIdentifier(String value, String name) {
        require(value != null && IDENTIFIER.matcher(value).matches(), name,
                "must be letters, digits, '.', '_' or '-', got '" + value + "'");
    }

    private static void requireWholeSeconds(Duration value, String name) {
        // JWT times are whole seconds, so a fraction could not be represented faithfully.
        require(value != null && value.getSeconds() >= 1 && value.getNano() == 0, name,
                "must be whole seconds of at least 1 s, got " + value);
    }
}
