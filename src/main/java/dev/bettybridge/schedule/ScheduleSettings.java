package dev.bettybridge.schedule;

import dev.bettybridge.config.Setting;
import dev.bettybridge.config.SettingReader;
import dev.bettybridge.config.SettingsException;
import dev.bettybridge.inbox.UrlCheck;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The validated settings of the schedule source.
 *
 * @param urls the URLs triggered on each run, in order; empty switches the schedule off
 * @param period the time from the start of one run to the start of the next; runs never overlap
 */
public record ScheduleSettings(List<String> urls, Duration period) {

    public ScheduleSettings {
        urls = List.copyOf(urls);
    }

    /**
     * Reads and checks the schedule settings: a comma-separated list of URLs and a period such as {@code 15m}.
     *
     * @param lookup resolves a key of application.properties (environment overrides applied)
     * @throws SettingsException when a URL is not an absolute http or https URL, or the period is malformed
     */
    public static ScheduleSettings read(Function<String, String> lookup) {
        SettingReader reader = new SettingReader(lookup);
        List<String> urls = new ArrayList<>();
        for (String item : reader.optional(Setting.TIMER_URLS).orElse("").split(",")) {
            String url = item.strip();
            if (url.isEmpty()) {
                continue;
            }
            Optional<String> problem = UrlCheck.problem(url);
            if (problem.isPresent()) {
                throw new SettingsException(Setting.TIMER_URLS.describe() + " has '" + url + "': " + problem.get()
                        + "; expected URLs separated by commas");
            }
            urls.add(url);
        }
        return new ScheduleSettings(urls, reader.positiveDuration(Setting.TIMER_PERIOD));
    }

    /** Whether any URL is scheduled. */
    public boolean active() {
        return !urls.isEmpty();
    }
}
