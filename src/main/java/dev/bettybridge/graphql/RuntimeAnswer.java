package dev.bettybridge.graphql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An HTTP answer of the runtime API read as GraphQL: its status, its JSON when it has any, and its errors. A call
 * succeeds only when the status is 2xx and there are no errors, whatever status the errors came with.
 */
public final class RuntimeAnswer {

    private final int httpStatus;
    private final Optional<JsonNode> json;
    private final List<GraphqlError> errors;

    private RuntimeAnswer(int httpStatus, Optional<JsonNode> json, List<GraphqlError> errors) {
        this.httpStatus = httpStatus;
        this.json = json;
        this.errors = errors;
    }

    /** Reads an answer; a body that is not JSON leaves {@link #json()} empty rather than failing. */
    public static RuntimeAnswer read(ObjectMapper mapper, int httpStatus, byte[] body) {
        Optional<JsonNode> json = Optional.empty();
        if (body != null && body.length > 0) {
            try {
                JsonNode node = mapper.readTree(body);
                json = node != null && node.isObject() ? Optional.of(node) : Optional.empty();
            } catch (IOException e) {
                // A proxy's HTML error page is not JSON; the HTTP status then tells what happened.
            }
        }
        return new RuntimeAnswer(httpStatus, json, json.map(RuntimeAnswer::errorsOf).orElse(List.of()));
    }

    public int httpStatus() {
        return httpStatus;
    }

    public Optional<JsonNode> json() {
        return json;
    }

    public List<GraphqlError> errors() {
        return errors;
    }

    /** Whether the call succeeded: 2xx, a JSON body, and no errors. */
    public boolean succeeded() {
        return httpStatus >= 200 && httpStatus < 300 && json.isPresent() && errors.isEmpty();
    }

    /** The status that decides what to do: the first error's {@code extensions.statusCode}, else the HTTP status. */
    public int effectiveStatus() {
        return errors.stream().map(GraphqlError::statusCode).filter(OptionalInt::isPresent).findFirst()
                .map(OptionalInt::getAsInt).orElse(httpStatus);
    }

    /** Why the call failed, in the server's words where it gave any. */
    public String reason() {
        if (!errors.isEmpty()) {
            return String.join("; ", errors.stream().map(GraphqlError::describe).toList());
        }
        if (httpStatus < 200 || httpStatus >= 300) {
            return "HTTP " + httpStatus;
        }
        return "HTTP " + httpStatus + " without a GraphQL JSON body";
    }

    /** The field {@code data.<name>}, when present and not null. */
    public Optional<JsonNode> data(String name) {
        return json.map(node -> node.path("data").path(name)).filter(node -> !node.isMissingNode() && !node.isNull());
    }

    private static List<GraphqlError> errorsOf(JsonNode root) {
        JsonNode array = root.path("errors");
        if (!array.isArray() || array.isEmpty()) {
            return List.of();
        }
        List<GraphqlError> errors = new ArrayList<>();
        for (JsonNode item : array) {
            JsonNode code = item.path("extensions").path("statusCode");
            errors.add(new GraphqlError(item.path("message").asText("(no message)"),
                    code.canConvertToInt() ? OptionalInt.of(code.asInt()) : OptionalInt.empty()));
        }
        return Collections.unmodifiableList(errors);
    }
}
