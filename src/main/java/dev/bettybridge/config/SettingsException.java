package dev.bettybridge.config;

/**
 * A setting that is missing or malformed; its message is one line naming the setting, its environment variable and
 * what is wrong, fit to show a user as it is.
 */
public final class SettingsException extends RuntimeException {

    public SettingsException(String message) {
        super(message);
    }
}
