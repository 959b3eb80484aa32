package dev.bettybridge.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bettybridge.config.SettingsException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The schedule settings: off when empty, every URL checked at start-up. */
class ScheduleSettingsTest {

    private final Map<String, String> values = new HashMap<>(Map.of("bridge.timer.urls", "",
            "bridge.timer.period", "15m"));

    @Test
    void should_be_off_without_urls() {
        ScheduleSettings settings = ScheduleSettings.read(values::get);

        assertThat(settings.active()).as("no URL, no schedule").isFalse();
    }

    @Test
    void should_read_urls_separated_by_commas_and_the_period() {
        values.put("bridge.timer.urls", " https://example.com/a.csv, ,https://example.com/b.csv ");
        values.put("bridge.timer.period", "1h");

        ScheduleSettings settings = ScheduleSettings.read(values::get);

        assertThat(settings.urls()).as("trimmed, blanks skipped")
                .isEqualTo(List.of("https://example.com/a.csv", "https://example.com/b.csv"));
        assertThat(settings.period()).as("period").isEqualTo(Duration.ofHours(1));
    }

    @Test
    void should_name_the_setting_and_the_bad_url() {
        values.put("bridge.timer.urls", "https://example.com/a.csv,example.com/b.csv");

        assertThatThrownBy(() -> ScheduleSettings.read(values::get)).isInstanceOf(SettingsException.class)
                .hasMessage("setting 'bridge.timer.urls' (environment variable BRIDGE_TIMER_URLS) has"
                        + " 'example.com/b.csv': not an absolute http or https URL; expected URLs separated by commas");
    }

    @Test
    void should_refuse_a_period_without_unit_or_of_zero() {
        values.put("bridge.timer.period", "15");
        assertThatThrownBy(() -> ScheduleSettings.read(values::get)).as("no unit")
                .hasMessageContaining("BRIDGE_TIMER_PERIOD").hasMessageContaining("expected a duration");

        values.put("bridge.timer.period", "0s");
        assertThatThrownBy(() -> ScheduleSettings.read(values::get)).as("zero")
                .hasMessageContaining("BRIDGE_TIMER_PERIOD").hasMessageContaining("expected more than zero");
    }

    @Test
    void should_write_the_period_as_an_operator_does() {
        assertThat(List.of(Duration.ofMinutes(15), Duration.ofHours(2), Duration.ofSeconds(90),
                Duration.ofMillis(200)).stream().map(Schedule::written))
                .as("largest whole unit").containsExactly("15m", "2h", "90s", "200ms");
    }
}
