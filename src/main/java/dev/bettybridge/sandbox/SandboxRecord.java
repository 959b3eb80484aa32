package dev.bettybridge.sandbox;

import java.time.Instant;
import java.util.Map;

/**
 * A record that a successful action call created in the sandbox.
 *
 * @param id        sequence number, starting at 1
 * @param actionId  the action that was called
 * @param input     the action's input exactly as sent (read-only, may hold nested maps and lists)
 * @param createdAt when the call was handled
 */
public record SandboxRecord(long id, String actionId, Map<String, Object> input, Instant createdAt) {
}
