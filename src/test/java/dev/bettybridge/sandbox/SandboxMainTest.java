package dev.bettybridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How the stand-alone sandbox finds its settings. */
class SandboxMainTest {

    @Test
    void should_name_the_environment_variable_after_the_key() {
        String name = SandboxMain.envName("bridge.sandbox.rate-limit-per-minute");

        assertThat(name).as("upper case, dots and dashes as underscores")
                .isEqualTo("BRIDGE_SANDBOX_RATE_LIMIT_PER_MINUTE");
    }

    @Test
    void should_prefer_the_system_property_when_both_are_set() {
        String key = "bridge.sandbox.sandbox-main-test-only";
        System.setProperty(key, "from-property");
        try {
            String value = SandboxMain.systemPropertyThenEnvironment().apply(key);

            assertThat(value).as("the system property wins").isEqualTo("from-property");
        } finally {
            System.clearProperty(key);
        }
    }
}
