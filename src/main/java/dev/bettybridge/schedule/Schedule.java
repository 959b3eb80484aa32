package dev.bettybridge.schedule;

import dev.bettybridge.trigger.ActionOutcome;
import dev.bettybridge.trigger.TriggerRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The steps of the {@code trigger-schedule} route: the URLs of a run, one request per URL, and the outcome logged. */
public final class Schedule {

    static final String URL = "bridgeScheduleUrl";

    private static final Logger LOG = LoggerFactory.getLogger(Schedule.class);

    private final ScheduleSettings settings;

    public Schedule(ScheduleSettings settings) {
        this.settings = settings;
    }

    /** The URLs of one run. */
    public List<String> urls() {
        return settings.urls();
    }

    /** The trigger request for the URL in the body; the URL is kept for {@link #settle}. */
    public TriggerRequest request(Exchange exchange) {
        String url = exchange.getMessage().getBody(String.class);
        exchange.setVariable(URL, url);
        return new TriggerRequest(url, Map.of(), "schedule (every " + written(settings.period()) + ")");
    }

    /** Logs the outcome in the body: the schedule has no one else to tell. */
    public void settle(Exchange exchange) {
        ActionOutcome outcome = exchange.getMessage().getBody(ActionOutcome.class);
        String url = exchange.getVariable(URL, String.class);
        if (outcome.triggered()) {
            LOG.info("Schedule: triggered the action for '{}'", url);
        } else {
            LOG.warn("Schedule: the action for '{}' failed: {}", url, outcome.reason());
        }
    }

    /** The period as an operator writes it: {@code 15m} rather than {@code PT15M}. */
    static String written(Duration period) {
        long millis = period.toMillis();
        if (millis % 3_600_000 == 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis % 60_000 == 0) {
            return millis / 60_000 + "m";
        }
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }
}
