package dev.bettybridge;

import dev.bettybridge.config.BridgeSetup;
import dev.bettybridge.config.SettingsException;
import dev.bettybridge.sandbox.SandboxConfig;
import dev.bettybridge.sandbox.SandboxMain;
import java.util.Optional;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.main.Main;
import org.apache.camel.spi.PropertiesComponent;

/**
 * Starts betty-action-bridge from the repository root: {@code java -jar target/betty-action-bridge.jar} runs the
 * bridge, {@code java -jar target/betty-action-bridge.jar sandbox} runs only the sandbox.
 */
public final class BridgeMain {

    /** The settings file, read from the working directory. */
    public static final String SETTINGS_FILE = "file:application.properties";

    /** Exit code for a setting the user must fix. */
    public static final int BAD_SETTING = 2;

    private BridgeMain() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args));
    }

    /**
     * Runs the bridge, or the sandbox alone, until the process is stopped.
     *
     * @return the exit code: 0 after a normal stop, {@link #BAD_SETTING} when a setting is missing or malformed
     */
    static int run(String[] args) throws Exception {
        try {
            if (args.length > 0 && args[0].equals("sandbox")) {
                SandboxMain.run(sandboxConfig());
                return 0;
            }
            return create().run(args);
        } catch (Exception e) {
            Optional<String> mistake = userMistake(e);
            if (mistake.isEmpty()) {
                throw e;
            }
            System.err.println("betty-action-bridge cannot start: " + mistake.get());
            return BAD_SETTING;
        }
    }

    /** A bridge process, configured from {@link #SETTINGS_FILE} and ready to run or start. */
    public static Main create() {
        Main main = new Main();
        main.setDefaultPropertyPlaceholderLocation(SETTINGS_FILE);
        main.addMainListener(new BridgeSetup());
        return main;
    }

    private static SandboxConfig sandboxConfig() {
        PropertiesComponent properties = new DefaultCamelContext().getPropertiesComponent();
        properties.setLocation(SETTINGS_FILE);
        try {
            return SandboxConfig.from(key -> properties.resolveProperty(key).orElse(null));
        } catch (IllegalArgumentException e) {
            throw new SettingsException(e.getMessage());
        }
    }

    private static Optional<String> userMistake(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SettingsException) {
                return Optional.of(cause.getMessage());
            }
        }
        return Optional.empty();
    }
}
