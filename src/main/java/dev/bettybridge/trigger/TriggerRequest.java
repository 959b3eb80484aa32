package dev.bettybridge.trigger;

import java.util.Map;

/**
 * What every source hands to the trigger route: the URL, any further action inputs, and where it came from.
 *
 * @param url the URL for the action input named by {@code BB_INPUT_NAME}
 * @param extraInput further action inputs, possibly empty
 * @param origin where the URL came from, for logs and reports (a file and line, a message id, a schedule)
 */
public record TriggerRequest(String url, Map<String, Object> extraInput, String origin) {

    public TriggerRequest {
        extraInput = Map.copyOf(extraInput);
    }
}
