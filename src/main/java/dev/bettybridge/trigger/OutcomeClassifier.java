package dev.bettybridge.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bettybridge.graphql.RuntimeAnswer;
import dev.bettybridge.token.LoginFailedException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Classifies what the runtime API answered to an action call, or the exception that stood in for an answer, into one
 * {@link ActionOutcome}. A call succeeds only when the answer is 2xx and carries no GraphQL errors.
 */
public final class OutcomeClassifier {

    private final ObjectMapper mapper;

    public OutcomeClassifier(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * Classifies an HTTP answer.
     *
     * @param retryAfter the {@code Retry-After} header, null when absent
     */
    public ActionOutcome answer(int httpStatus, String retryAfter, byte[] body) {
        RuntimeAnswer answer = RuntimeAnswer.read(mapper, httpStatus, body);
        if (answer.succeeded()) {
            Optional<JsonNode> action = answer.data("action");
            if (action.isEmpty()) {
                return ActionOutcome.failed("answer has no data.action");
            }
            return ActionOutcome.triggered(action.get().has("results") ? action.get().get("results") : action.get());
        }
        int status = answer.effectiveStatus();
        String reason = answer.reason();
        if (status == 401 || httpStatus == 401) {
            return ActionOutcome.reauthenticate(reason);
        }
        if (status == 429 || httpStatus == 429) {
            return ActionOutcome.retry(reason, retryAfter(retryAfter));
        }
        if (status >= 500 || httpStatus >= 500 || status == 408) {
            return ActionOutcome.retry(reason, Optional.empty());
        }
        return ActionOutcome.failed(reason);
    }

    /** Classifies an exception raised instead of an answer: network trouble is worth retrying, the rest is not. */
    public ActionOutcome failure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof LoginFailedException login) {
                return login.refused() ? ActionOutcome.credentialsRefused(login.getMessage())
                        : ActionOutcome.retry(login.getMessage(), Optional.empty());
            }
            if (cause instanceof IOException) {
                return ActionOutcome.retry(describe(cause), Optional.empty());
            }
        }
        return ActionOutcome.failed(describe(failure));
    }

    static Optional<Duration> retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.trim();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(Instant.now(), at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        String name = failure.getClass().getSimpleName();
        return message == null || message.isBlank() ? name : name + ": " + message;
    }
}
