package dev.bettybridge.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Optional;

/**
 * How one call of the action ended, classified once for every source.
 *
 * @param kind what to do next
 * @param reason why it failed, in the server's words where it gave any; empty on success
 * @param results the action's {@code results} on success
 * @param retryAfter the server's {@code Retry-After}, when it sent one
 */
public record ActionOutcome(Kind kind, String reason, Optional<JsonNode> results, Optional<Duration> retryAfter) {

    /** The four ways a call can end. */
    public enum Kind {
        /** The action ran. */
        TRIGGERED,
        /** Worth trying again later: I/O error, timeout, 5xx, 429. */
        RETRY,
        /** The token was refused: log in again and replay once. */
        REAUTHENTICATE,
        /** The login was refused: wait until the credentials work again, then call again. */
        CREDENTIALS_REFUSED,
        /** Trying again will not help. */
        FAILED
    }

    public static ActionOutcome triggered(JsonNode results) {
        return new ActionOutcome(Kind.TRIGGERED, "", Optional.ofNullable(results), Optional.empty());
    }

    public static ActionOutcome retry(String reason, Optional<Duration> retryAfter) {
        return new ActionOutcome(Kind.RETRY, reason, Optional.empty(), retryAfter);
    }

    public static ActionOutcome reauthenticate(String reason) {
        return new ActionOutcome(Kind.REAUTHENTICATE, reason, Optional.empty(), Optional.empty());
    }

    public static ActionOutcome credentialsRefused(String reason) {
        return new ActionOutcome(Kind.CREDENTIALS_REFUSED, reason, Optional.empty(), Optional.empty());
    }

    public static ActionOutcome failed(String reason) {
        return new ActionOutcome(Kind.FAILED, reason, Optional.empty(), Optional.empty());
    }

    public boolean triggered() {
        return kind == Kind.TRIGGERED;
    }
}
