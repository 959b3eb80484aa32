package dev.bettybridge.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bettybridge.config.SettingsException;
import dev.bettybridge.support.RunningBridge;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user sees when the embedded broker cannot start with its port or folder. */
class EmbeddedBrokerTest {

    @TempDir
    Path inbox;

    @TempDir
    Path journal;

    @Test
    void should_stop_start_up_with_a_clear_line_when_the_port_is_taken() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();

            assertThatThrownBy(() -> RunningBridge.start(inbox, Map.of("bridge.jms.port", Integer.toString(port))))
                    .isInstanceOf(SettingsException.class)
                    .hasMessage("setting 'bridge.jms.port' (environment variable BRIDGE_JMS_PORT) is '" + port
                            + "': the embedded broker cannot listen on 127.0.0.1:" + port + " (is the port in use?);"
                            + " set a free port, or 0 for any free port");
        }
    }

    @Test
    void should_stop_start_up_with_a_clear_line_when_another_bridge_holds_the_data_folder() {
        try (RunningBridge first = RunningBridge.start(inbox, Map.of("bridge.jms.data-folder", journal.toString()))) {
            assertThat(first.broker()).as("the first bridge runs its broker").isNotNull();

            assertThatThrownBy(() -> RunningBridge.start(inbox, Map.of("bridge.jms.data-folder", journal.toString())))
                    .isInstanceOf(SettingsException.class)
                    .hasMessageStartingWith("setting 'bridge.jms.data-folder' (environment variable"
                            + " BRIDGE_JMS_DATA_FOLDER) is '" + journal + "': the embedded broker cannot use it")
                    .hasMessageContaining("Give each bridge its own folder and port");
        }
    }
}
