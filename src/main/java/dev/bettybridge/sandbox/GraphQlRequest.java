package dev.bettybridge.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One GraphQL-over-HTTP request body: {@code {"query", "variables", "operationName"}}.
 *
 * @param query         the GraphQL document text
 * @param variables     the variables, empty when absent or null
 * @param operationName the operation to run, or null
 */
record GraphQlRequest(String query, Map<String, Object> variables, String operationName) {

    private static final TypeReference<Map<String, Object>> MAP_OF_OBJECTS = new TypeReference<>() {
    };

    /** Masks the variables, which may hold a password or a token. */
    @Override
    public String toString() {
        return "GraphQlRequest[operationName=" + operationName + ", variables=" + variables.keySet() + "]";
    }

    /**
     * Reads a request body.
     *
     * @param mapper the JSON mapper
     * @param body   the raw bytes, UTF-8 JSON
     * @return the request
     * @throws RuntimeApiException with statusCode 400 when the body is not valid JSON or not a request object; the
     *                             message never quotes the body, which may carry credentials
     */
    static GraphQlRequest parse(ObjectMapper mapper, byte[] body) {
        if (body.length == 0) {
            throw badRequest("Malformed request: the body is empty; expected a JSON object with a 'query'");
        }
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw badRequest("Malformed JSON in the request body" + where(e) + ": " + kind(e));
        } catch (IOException e) {
            throw badRequest("Malformed JSON in the request body: it could not be read");
        }
        if (root == null || !root.isObject()) {
            throw badRequest("Malformed request: the body must be a JSON object with a 'query'");
        }

        JsonNode query = root.get("query");
        if (query == null || !query.isTextual() || query.asText().isBlank()) {
            throw badRequest("Malformed request: 'query' must be a non-empty string");
        }
        JsonNode variables = root.get("variables");
        if (variables != null && !variables.isNull() && !variables.isObject()) {
            throw badRequest("Malformed request: 'variables' must be a JSON object or null");
        }
        JsonNode operationName = root.get("operationName");
        if (operationName != null && !operationName.isNull() && !operationName.isTextual()) {
            throw badRequest("Malformed request: 'operationName' must be a string or null");
        }

        Map<String, Object> variableValues = new LinkedHashMap<>();
        if (variables != null && variables.isObject()) {
            variableValues.putAll(mapper.convertValue(variables, MAP_OF_OBJECTS));
        }
        String name = operationName == null || operationName.isNull() ? null : operationName.asText();
        return new GraphQlRequest(query.asText(), variableValues, name);
    }

    private static String where(JsonProcessingException e) {
        return e.getLocation() == null
                ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }

    private static String kind(JsonProcessingException e) {
        if (e instanceof JsonEOFException) {
            return "unexpected end of input";
        }
        if (e instanceof MismatchedInputException) {
            return "unexpected content after the JSON value";
        }
        return "invalid JSON syntax";
    }

    private static RuntimeApiException badRequest(String message) {
        return new RuntimeApiException(400, message);
    }
}
