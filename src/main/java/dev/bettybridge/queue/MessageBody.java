package dev.bettybridge.queue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.bettybridge.inbox.UrlCheck;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a queue message asks for: a URL alone, or a JSON object {@code {"url": "...", "input": {...}}} whose
 * {@code input} adds further action inputs. Built only from a valid body; {@link #read} says why a body is not one.
 *
 * @param url the URL, for the action input named by {@code BB_INPUT_NAME}
 * @param input further action inputs, possibly empty
 */
public record MessageBody(String url, Map<String, Object> input) {

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** A body that is not a request, and why. */
    public static final class InvalidBodyException extends Exception {

        InvalidBodyException(String reason) {
            super(reason);
        }
    }

    /**
     * Reads a message body.
     *
     * @param text the body as text
     * @param inputName the action input that takes the URL, which {@code input} must therefore not set
     * @throws InvalidBodyException when the body is empty, not an http(s) URL, malformed JSON, or JSON of another
     *     shape; the message says which, fit for a dead-letter reason
     */
    public static MessageBody read(String text, String inputName) throws InvalidBodyException {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidBodyException("the body is empty; expected a URL or {\"url\": ..., \"input\": {...}}");
        }
        if (!trimmed.startsWith("{")) {
            return new MessageBody(checkedUrl(trimmed), Map.of());
        }
        JsonNode json;
        try {
            json = STRICT.readTree(trimmed);
        } catch (JsonProcessingException e) {
            // Jackson's own message goes on about where the source is; the problem and its place are enough.
            String problem = e.getOriginalMessage().split(" \\(start marker|\\n", 2)[0];
            throw new InvalidBodyException("the body is not valid JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + problem);
        }
        Iterator<String> fields = json.fieldNames();
        while (fields.hasNext()) {
            String field = fields.next();
            if (!field.equals("url") && !field.equals("input")) {
                throw new InvalidBodyException("unknown field '" + field + "'; expected only url and input");
            }
        }
        JsonNode url = json.path("url");
        if (!url.isTextual()) {
            throw new InvalidBodyException("'url' is " + (url.isMissingNode() ? "missing" : "not a string"));
        }
        return new MessageBody(checkedUrl(url.asText().strip()), input(json.path("input"), inputName));
    }

    private static String checkedUrl(String url) throws InvalidBodyException {
        Optional<String> problem = UrlCheck.problem(url);
        if (problem.isPresent()) {
            throw new InvalidBodyException(problem.get());
        }
        return url;
    }

    private static Map<String, Object> input(JsonNode input, String inputName) throws InvalidBodyException {
        if (input.isMissingNode()) {
            return Map.of();
        }
        if (!input.isObject()) {
            throw new InvalidBodyException("'input' is not an object");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> entries = input.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            if (entry.getKey().equals(inputName)) {
                throw new InvalidBodyException("'input' sets '" + inputName + "', which takes the URL; leave it out");
            }
            if (entry.getValue().isNull()) {
                throw new InvalidBodyException("input '" + entry.getKey() + "' is null; leave it out instead");
            }
            values.put(entry.getKey(), STRICT.convertValue(entry.getValue(), Object.class));
        }
        return values;
    }
}
