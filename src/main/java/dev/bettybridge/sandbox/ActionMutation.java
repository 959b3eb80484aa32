package dev.bettybridge.sandbox;

import graphql.schema.DataFetchingEnvironment;
import java.util.LinkedHashMap;
import java.util.Map;

/** Data fetcher of the {@code action} mutation: checks the token, the action id and the input, then stores a record. */
final class ActionMutation {

    static final String ACTION_NOT_FOUND = "Action not found";

    private final SandboxConfig config;
    private final TokenIssuer tokens;
    private final RecordStore records;
    private final SandboxCounters counters;

    ActionMutation(SandboxConfig config, TokenIssuer tokens, RecordStore records, SandboxCounters counters) {
        this.config = config;
        this.tokens = tokens;
        this.records = records;
        this.counters = counters;
    }

    /**
     * Runs the action and answers {@code {"results": {"id": <record id>, "<inputName>": <value>}}}.
     *
     * @throws RuntimeApiException 401 for a missing, invalid, expired, revoked or foreign token; 404 for an unknown
     *                             action id; 422 when the input is not an object or lacks the input variable
     */
    Map<String, Object> action(DataFetchingEnvironment env) {
        long ordinal = counters.actionCall();
        if (config.revokeEvery() > 0 && ordinal % config.revokeEvery() == 0) {
            // Revoked before the check, so this very call is refused too, as a revocation mid-run would be.
            tokens.revokeAll();
        }
        tokens.authorize(RequestContext.of(env).authorization());

        String id = env.getArgument("id");
        if (!config.actionId().equals(id)) {
            throw new RuntimeApiException(404, ACTION_NOT_FOUND);
        }
        Object input = env.getArgument("input");
        if (!(input instanceof Map<?, ?> inputObject)) {
            throw new RuntimeApiException(422, "Invalid input: 'input' must be an object with the input variable '"
                    + config.inputName() + "'");
        }
        Object value = inputObject.get(config.inputName());
        if (value == null) {
            throw new RuntimeApiException(422, "Invalid input: the input variable '" + config.inputName()
                    + "' is missing");
        }

        SandboxRecord record = records.add(id, stringKeys(inputObject));
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("id", record.id());
        results.put(config.inputName(), record.input().get(config.inputName()));
        return Map.of("results", results);
    }

    private static Map<String, Object> stringKeys(Map<?, ?> input) {
        Map<String, Object> copy = new LinkedHashMap<>();
        input.forEach((key, value) -> copy.put(String.valueOf(key), value));
        return copy;
    }
}
