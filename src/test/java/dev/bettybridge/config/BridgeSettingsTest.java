package dev.bettybridge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The settings check that stops start-up with one clear line. */
class BridgeSettingsTest {

    private static final String APP = "0123456789abcdef0123456789abcdef";

    private final Map<String, String> values = new HashMap<>();

    BridgeSettingsTest() {
        values.put("bridge.betty.input-name", "file");
        values.put("bridge.betty.action-query", "mutation { action(id: $id, input: $input) }");
        values.put("bridge.betty.connect-timeout", "10s");
        values.put("bridge.betty.response-timeout", "90s");
        values.put("bridge.inbox.folder", "inbox");
        values.put("bridge.inbox.concurrency", "4");
        values.put("bridge.inbox.settle-time", "1s");
        values.put("bridge.retry.max-attempts", "4");
        values.put("bridge.retry.first-delay", "1s");
        values.put("bridge.retry.max-delay", "30s");
        values.put("camel.management.port", "9876");
        values.put("bridge.token.login-retry", "30s");
    }

    @Test
    void should_run_against_the_sandbox_when_no_base_url_is_set() {
        BridgeSettings settings = BridgeSettings.read(values::get);

        assertThat(settings.sandboxMode()).as("no BB_BASE_URL means sandbox").isTrue();
    }

    @Test
    void should_read_a_complete_real_configuration() {
        realApp();

        BridgeSettings settings = BridgeSettings.read(values::get);

        assertThat(settings.runtimeUrl()).as("endpoint built from base URL and app UUID")
                .hasToString("https://my-app.betty.app/api/runtime/" + APP);
        assertThat(settings.toString()).as("toString hides the password").doesNotContain("not-a-real-password");
    }

    @Test
    void should_name_the_setting_and_variable_when_a_uuid_is_malformed() {
        realApp();
        values.put("bridge.betty.app-uuid", "0123-not-hex");

        assertThatThrownBy(() -> BridgeSettings.read(values::get)).isInstanceOf(SettingsException.class)
                .hasMessage("setting 'bridge.betty.app-uuid' (environment variable BB_APP_UUID) is '0123-not-hex':"
                        + " expected 32 lowercase hexadecimal characters");
    }

    @Test
    void should_name_the_missing_setting_when_the_base_url_is_set() {
        realApp();
        values.remove("bridge.betty.password");

        assertThatThrownBy(() -> BridgeSettings.read(values::get)).isInstanceOf(SettingsException.class)
                .hasMessage("setting 'bridge.betty.password' (environment variable BB_PASSWORD) is missing");
    }

    @Test
    void should_refuse_a_base_url_that_is_not_http() {
        realApp();
        values.put("bridge.betty.base-url", "ftp://my-app.betty.app");

        assertThatThrownBy(() -> BridgeSettings.read(values::get)).isInstanceOf(SettingsException.class)
                .hasMessageContaining("BB_BASE_URL").hasMessageContaining("'ftp://my-app.betty.app'")
                .hasMessageContaining("expected an http or https URL");
    }

    @Test
    void should_refuse_a_base_url_with_the_runtime_path_pasted_in() {
        realApp();
        values.put("bridge.betty.base-url", "https://my-app.betty.app/api/runtime/" + APP);

        assertThatThrownBy(() -> BridgeSettings.read(values::get)).isInstanceOf(SettingsException.class)
                .hasMessageContaining("give only scheme and host");
    }

    @Test
    void should_never_quote_a_malformed_password() {
        realApp();
        values.put("bridge.betty.username", "");

        assertThatThrownBy(() -> BridgeSettings.read(values::get))
                .hasMessageNotContaining("not-a-real-password").hasMessageContaining("BB_USERNAME");
    }

    @Test
    void should_refuse_half_a_real_configuration_without_a_base_url() {
        values.put("bridge.betty.app-uuid", APP);

        assertThatThrownBy(() -> BridgeSettings.read(values::get)).isInstanceOf(SettingsException.class)
                .hasMessageContaining("BB_APP_UUID").hasMessageContaining("BB_BASE_URL is not");
    }

    @Test
    void should_refuse_a_concurrency_out_of_range() {
        values.put("bridge.inbox.concurrency", "0");

        assertThatThrownBy(() -> BridgeSettings.read(values::get))
                .hasMessage("setting 'bridge.inbox.concurrency' (environment variable BRIDGE_CONCURRENCY) is '0':"
                        + " expected a whole number from 1 to 256");
    }

    @Test
    void should_refuse_a_duration_without_unit() {
        values.put("bridge.retry.first-delay", "1000");

        assertThatThrownBy(() -> BridgeSettings.read(values::get)).hasMessageContaining("bridge.retry.first-delay")
                .hasMessageContaining("expected a duration such as 500ms");
    }

    private void realApp() {
        values.put("bridge.betty.base-url", "https://my-app.betty.app/");
        values.put("bridge.betty.app-uuid", APP);
        values.put("bridge.betty.action-id", APP);
        values.put("bridge.betty.auth-profile-uuid", APP);
        values.put("bridge.betty.username", "bridge@example.com");
        values.put("bridge.betty.password", "not-a-real-password");
    }
}
