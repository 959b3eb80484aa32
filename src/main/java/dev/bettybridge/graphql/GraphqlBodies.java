package dev.bettybridge.graphql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Builds the JSON bodies sent to the runtime API. Every value travels as a GraphQL variable serialised by Jackson,
 * so quotes, backslashes and non-ASCII characters arrive byte for byte and no secret is ever part of a query text.
 */
public final class GraphqlBodies {

    static final String LOGIN_QUERY = "mutation($authProfileUuid: String!, $username: String, $password: String) {"
            + " login(authProfileUuid: $authProfileUuid, username: $username, password: $password) {"
            + " jwtToken refreshToken accessExpiresIn accessExpiresAt refreshExpiresIn refreshExpiresAt isValid } }";

    static final String REFRESH_QUERY = "mutation($token: String!) { refreshToken(token: $token) {"
            + " jwtToken refreshToken accessExpiresIn accessExpiresAt refreshExpiresIn refreshExpiresAt isValid } }";

    private final ObjectMapper mapper;

    public GraphqlBodies(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The login mutation with the credentials as variables, UTF-8 encoded. */
    public byte[] login(String authProfileUuid, String username, String password) {
        ObjectNode variables = mapper.createObjectNode()
                .put("authProfileUuid", authProfileUuid)
                .put("username", username)
                .put("password", password);
        return body(LOGIN_QUERY, variables);
    }

    /** The refresh mutation with the refresh token as its variable, UTF-8 encoded. */
    public byte[] refresh(String refreshToken) {
        return body(REFRESH_QUERY, mapper.createObjectNode().put("token", refreshToken));
    }

    /**
     * The action mutation: {@code {"query": <query>, "variables": {"id": <action id>, "input": <input>}}}.
     *
     * @param input the action's input variables, keyed by name
     */
    public byte[] action(String query, String actionId, Map<String, Object> input) {
        ObjectNode variables = mapper.createObjectNode().put("id", actionId);
        variables.set("input", mapper.valueToTree(input));
        return body(query, variables);
    }

    private byte[] body(String query, ObjectNode variables) {
        ObjectNode body = mapper.createObjectNode().put("query", query);
        body.set("variables", variables);
        try {
            return mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            // A tree of strings and maps always serialises; reaching this is a programming error.
            throw new IllegalStateException("cannot write a GraphQL body", e);
        }
    }
}
