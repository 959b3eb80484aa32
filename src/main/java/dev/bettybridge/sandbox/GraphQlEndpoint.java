package dev.bettybridge.sandbox;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.schema.GraphQLSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Executes GraphQL requests against the sandbox schema and shapes the answers the way Betty's runtime does. */
final class GraphQlEndpoint {

    // Errors that graphql-java raises itself (syntax, validation, variable coercion) are the client's fault.
    private static final int CLIENT_ERROR = 400;

    private final GraphQL graphQL;

    GraphQlEndpoint(GraphQLSchema schema, SandboxCounters counters) {
        this.graphQL = GraphQL.newGraphQL(schema)
                .preparsedDocumentProvider(new DeclaringDocumentProvider(schema))
                .defaultDataFetcherExceptionHandler(new RuntimeApiExceptionHandler(counters))
                .build();
    }

    /**
     * Runs one request.
     *
     * @param request       the parsed request body
     * @param authorization the {@code Authorization} header, or null
     * @return the answer, with {@code errors} (each with {@code extensions.statusCode}) when something failed
     */
    Answer execute(GraphQlRequest request, String authorization) {
        ExecutionInput input = ExecutionInput.newExecutionInput()
                .query(request.query())
                .operationName(request.operationName())
                .variables(request.variables())
                .graphQLContext(Map.of(RequestContext.class, new RequestContext(authorization)))
                .build();
        ExecutionResult result = graphQL.execute(input);

        Map<String, Object> body = new LinkedHashMap<>();
        List<Integer> statusCodes = new ArrayList<>();
        if (!result.getErrors().isEmpty()) {
            List<Map<String, Object>> errors = new ArrayList<>();
            for (GraphQLError error : result.getErrors()) {
                Map<String, Object> spec = withStatusCode(error);
                statusCodes.add((Integer) ((Map<?, ?>) spec.get("extensions")).get("statusCode"));
                errors.add(spec);
            }
            body.put("errors", errors);
        }
        Map<String, Object> data = result.isDataPresent() ? result.getData() : null;
        body.put("data", data);
        return new Answer(body, statusCodes, data == null ? List.of() : List.copyOf(data.keySet()));
    }

    private static Map<String, Object> withStatusCode(GraphQLError error) {
        Map<String, Object> spec = new LinkedHashMap<>(error.toSpecification());
        Map<String, Object> extensions = new LinkedHashMap<>();
        if (spec.get("extensions") instanceof Map<?, ?> existing) {
            existing.forEach((key, value) -> extensions.put(String.valueOf(key), value));
        }
        if (!(extensions.get("statusCode") instanceof Integer)) {
            extensions.put("statusCode", CLIENT_ERROR);
        }
        spec.put("extensions", extensions);
        return spec;
    }

    /**
     * An executed request.
     *
     * @param body        the JSON answer: {@code errors} when any, then {@code data} (null or partial)
     * @param statusCodes the {@code extensions.statusCode} of each error, in order; empty on success
     * @param rootFields  the root fields that were executed, for logging
     */
    record Answer(Map<String, Object> body, List<Integer> statusCodes, List<String> rootFields) {

        boolean hasErrors() {
            return !statusCodes.isEmpty();
        }

        /** Leaves the body out, which may hold tokens. */
        @Override
        public String toString() {
            return "Answer[statusCodes=" + statusCodes + ", rootFields=" + rootFields + "]";
        }
    }
}
