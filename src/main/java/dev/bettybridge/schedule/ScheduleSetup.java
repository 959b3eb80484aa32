package dev.bettybridge.schedule;

import dev.bettybridge.config.SettingsException;
import java.util.function.Function;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the schedule source before the routes are built: checks its settings, binds the bean the
 * {@code trigger-schedule} route calls, and sets the two properties the route reads, so that the route starts only
 * when there is a URL to trigger.
 */
public final class ScheduleSetup {

    /** The bean with the steps of the {@code trigger-schedule} route. */
    public static final String SCHEDULE_BEAN = "schedule";

    /** Derived property, not a setting: whether the {@code trigger-schedule} route starts. */
    public static final String ACTIVE = "bridge.timer.active";

    /** Derived property, not a setting: the period in milliseconds, as the timer endpoint takes it. */
    public static final String PERIOD_MILLIS = "bridge.timer.period-millis";

    private static final Logger LOG = LoggerFactory.getLogger(ScheduleSetup.class);

    private ScheduleSetup() {
    }

    /**
     * Reads the schedule settings and wires the schedule source into the context.
     *
     * @param lookup resolves a key of application.properties (environment overrides applied)
     * @throws SettingsException when a URL or the period is malformed
     */
    public static void bind(CamelContext context, Function<String, String> lookup) {
        ScheduleSettings settings = ScheduleSettings.read(lookup);
        PropertiesComponent properties = context.getPropertiesComponent();
        properties.addOverrideProperty(ACTIVE, Boolean.toString(settings.active()));
        properties.addOverrideProperty(PERIOD_MILLIS, Long.toString(settings.period().toMillis()));
        context.getRegistry().bind(SCHEDULE_BEAN, new Schedule(settings));
        if (settings.active()) {
            LOG.info("Schedule source: {} URL(s) triggered at start-up and then every {}", settings.urls().size(),
                    Schedule.written(settings.period()));
        } else {
            LOG.debug("Schedule source off: no URLs in BRIDGE_TIMER_URLS");
        }
    }
}
