package dev.bettybridge.logging;

import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.config.Node;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginFactory;
import org.apache.logging.log4j.core.filter.AbstractFilter;

/**
 * A log4j filter for appenders: drops every log event whose message or exception text contains a secret the bridge
 * holds ({@link SecretValues}), so that not even a library's DEBUG or TRACE output can print one.
 */
@Plugin(name = "SecretFilter", category = Node.CATEGORY, elementType = Filter.ELEMENT_TYPE, printObject = true)
public final class SecretFilter extends AbstractFilter {

    private SecretFilter() {
        super(Result.DENY, Result.NEUTRAL);
    }

    /** Creates the filter from the logging configuration; it takes no attributes. */
    @PluginFactory
    public static SecretFilter createFilter() {
        return new SecretFilter();
    }

    @Override
    public Result filter(LogEvent event) {
        if (SecretValues.containedIn(event.getMessage().getFormattedMessage())) {
            return onMatch;
        }
        for (Throwable thrown = event.getThrown(); thrown != null; thrown = thrown.getCause()) {
            if (SecretValues.containedIn(thrown.getMessage())) {
                return onMatch;
            }
        }
        return onMismatch;
    }
}
