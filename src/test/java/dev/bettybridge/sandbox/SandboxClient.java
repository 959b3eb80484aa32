package dev.bettybridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** A small GraphQL-over-HTTP client for tests, talking to a real sandbox with the JDK's HttpClient. */
final class SandboxClient {

    static final String LOGIN = "mutation($authProfileUuid: String!, $username: String, $password: String) {"
            + " login(authProfileUuid: $authProfileUuid, username: $username, password: $password) {"
            + " jwtToken refreshToken accessExpiresIn accessExpiresAt refreshExpiresIn refreshExpiresAt isValid } }";
    static final String REFRESH = "mutation($token: String!) { refreshToken(token: $token) {"
            + " jwtToken refreshToken accessExpiresIn accessExpiresAt refreshExpiresIn refreshExpiresAt isValid } }";
    static final String ACTION_UNDECLARED = "mutation { action(id: $id, input: $input) }";
    static final String ACTION_DECLARED = "mutation($id: ID!, $input: ActionInput!) { action(id: $id, input: $input) }";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final Sandbox sandbox;

    SandboxClient(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    /** Logs in with the sandbox's own credentials and returns the login payload, failing the test otherwise. */
    JsonNode login() {
        SandboxConfig config = sandbox.config();
        Reply reply = post(LOGIN, Map.of("authProfileUuid", config.authProfileUuid(),
                "username", config.username(), "password", config.password()), null);
        assertThat(reply.json().has("errors")).as("login with the right credentials must succeed: %s", reply.text())
                .isFalse();
        return reply.json().at("/data/login");
    }

    /** Logs in and returns the access token. */
    String token() {
        return login().get("jwtToken").asText();
    }

    /** Calls the action in the undeclared form with {@code input = {<inputName>: url}}. */
    Reply action(String token, String url) {
        return action(ACTION_UNDECLARED, token, sandbox.config().actionId(), Map.of(sandbox.config().inputName(), url));
    }

    Reply action(String query, String token, String actionId, Object input) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("id", actionId);
        variables.put("input", input);
        return post(query, variables, token);
    }

    Reply post(String query, Map<String, Object> variables, String token) {
        return send(request(query, variables, token));
    }

    CompletableFuture<Reply> postAsync(String query, Map<String, Object> variables, String token) {
        return http.sendAsync(request(query, variables, token), HttpResponse.BodyHandlers.ofString())
                .thenApply(SandboxClient::reply);
    }

    Reply postRaw(URI url, String body) {
        return send(HttpRequest.newBuilder(url)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build());
    }

    Reply get(URI url) {
        return send(HttpRequest.newBuilder(url).GET().build());
    }

    private HttpRequest request(String query, Map<String, Object> variables, String token) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        body.put("operationName", null);
        HttpRequest.Builder builder = HttpRequest.newBuilder(sandbox.runtimeUrl())
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json(body)));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder.build();
    }

    Reply send(HttpRequest request) {
        try {
            return reply(http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IllegalStateException("Request to the sandbox failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while calling the sandbox", e);
        }
    }

    private static Reply reply(HttpResponse<String> response) {
        JsonNode json = null;
        if (response.headers().firstValue("Content-Type").orElse("").startsWith("application/json")) {
            try {
                json = MAPPER.readTree(response.body());
            } catch (IOException e) {
                throw new IllegalStateException("The sandbox answered malformed JSON: " + response.body(), e);
            }
        }
        return new Reply(response.statusCode(), response.headers(), response.body(), json);
    }

    private static byte[] json(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write a test request", e);
        }
    }

    /** One answer of the sandbox; {@code json} is null when the answer was not JSON. */
    record Reply(int status, HttpHeaders headers, String text, JsonNode json) {

        String firstMessage() {
            return json.at("/errors/0/message").asText(null);
        }

        int firstStatusCode() {
            return json.at("/errors/0/extensions/statusCode").asInt(-1);
        }

        boolean hasErrors() {
            return json != null && json.has("errors");
        }
    }
}
