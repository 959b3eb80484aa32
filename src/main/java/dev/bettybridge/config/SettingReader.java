package dev.bettybridge.config;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads settings for one feature and turns each bad value into a {@link SettingsException} whose one-line message
 * names the setting and its environment variable, never quoting a secret.
 */
public final class SettingReader {

    private final Function<String, String> lookup;

    /**
     * @param lookup resolves a key of application.properties (environment overrides applied); null or blank when unset
     */
    public SettingReader(Function<String, String> lookup) {
        this.lookup = lookup;
    }

    /** The trimmed value, or empty when the setting is unset or blank. */
    public Optional<String> optional(Setting setting) {
        String value = lookup.apply(setting.key());
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /**
     * The trimmed value.
     *
     * @throws SettingsException when the setting is unset or blank
     */
    public String required(Setting setting) {
        return optional(setting).orElseThrow(() -> new SettingsException(setting.describe() + " is missing"));
    }

    /**
     * The value, checked against a pattern.
     *
     * @param expected what a good value looks like, for the message
     * @throws SettingsException when the setting is missing or does not match
     */
    public String matching(Setting setting, Pattern pattern, String expected) {
        String value = required(setting);
        if (!pattern.matcher(value).matches()) {
            throw new SettingsException(setting.describe() + " is " + setting.quote(value) + ": expected " + expected);
        }
        return value;
    }

    /**
     * A whole number within bounds.
     *
     * @throws SettingsException when the setting is missing, not a whole number or out of bounds
     */
    public int number(Setting setting, int min, int max) {
        String value = required(setting);
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted range
        }
        throw new SettingsException(setting.describe() + " is " + setting.quote(value)
                + ": expected a whole number from " + min + " to " + max);
    }

    /**
     * A positive duration such as {@code 500ms}, {@code 30s}, {@code 15m} or {@code 1h}.
     *
     * @throws SettingsException when the setting is missing, has no unit or is zero
     */
    public Duration positiveDuration(Setting setting) {
        String value = required(setting);
        Duration duration;
        try {
            duration = Durations.parse(value);
        } catch (IllegalArgumentException e) {
            throw new SettingsException(setting.describe() + " is " + setting.quote(value) + ": " + e.getMessage());
        }
        if (duration.isZero()) {
            throw new SettingsException(setting.describe() + " is " + setting.quote(value)
                    + ": expected more than zero, such as 500ms, 30s, 15m or 1h");
        }
        return duration;
    }
}
