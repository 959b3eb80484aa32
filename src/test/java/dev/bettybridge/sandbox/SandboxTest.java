package dev.bettybridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.fasterxml.jackson.databind.JsonNode;
import dev.bettybridge.sandbox.SandboxClient.Reply;
import java.io.IOException;
import java.net.BindException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Talks to a real sandbox over HTTP, the way the bridge does. */
class SandboxTest {

    private static final String URL = "https://files.example.test/in/report.pdf";
    private static final SandboxConfig TEST_CONFIG = SandboxConfig.defaults().withPort(0);

    private final List<Sandbox> started = new ArrayList<>();
    private Sandbox sandbox;
    private SandboxClient client;

    @BeforeEach
    void startSandbox() throws IOException {
        sandbox = start(TEST_CONFIG);
        client = new SandboxClient(sandbox);
    }

    @AfterEach
    void stopSandboxes() {
        started.forEach(Sandbox::close);
    }

    @Test
    void should_return_tokens_whose_exp_matches_accessExpiresIn_when_login_succeeds() {
        JsonNode login = client.login();

        DecodedJWT jwt = JWT.decode(login.get("jwtToken").asText());
        long accessExpiresIn = login.get("accessExpiresIn").asLong();
        assertThat(accessExpiresIn).as("accessExpiresIn is the configured lifetime in seconds").isEqualTo(300);
        assertThat(jwt.getExpiresAtAsInstant()).as("the JWT carries exp").isNotNull();
        assertThat(jwt.getExpiresAtAsInstant().getEpochSecond() - jwt.getIssuedAtAsInstant().getEpochSecond())
                .as("exp - iat equals accessExpiresIn").isEqualTo(accessExpiresIn);
        assertThat(Instant.parse(login.get("accessExpiresAt").asText()))
                .as("accessExpiresAt is ISO-8601 and equals exp").isEqualTo(jwt.getExpiresAtAsInstant());
        assertThat(jwt.getSubject()).as("sub is the username").isEqualTo(SandboxConfig.DEFAULT_USERNAME);
        assertThat(jwt.getClaim("app_uuid").asString()).as("app_uuid claim").isEqualTo(SandboxConfig.DEFAULT_APP_UUID);
        assertThat(jwt.getClaim("auth_profile").asString()).as("auth_profile claim")
                .isEqualTo(SandboxConfig.DEFAULT_AUTH_PROFILE_UUID);
        assertThat(jwt.getId()).as("jti is set").isNotBlank();
        assertThat(login.get("refreshToken").asText()).as("an opaque refresh token").isNotBlank();
        assertThat(login.get("refreshExpiresIn").asInt()).as("refresh lifetime in seconds").isEqualTo(3600);
        assertThat(Instant.parse(login.get("refreshExpiresAt").asText())).as("refreshExpiresAt is ISO-8601")
                .isAfter(Instant.parse(login.get("accessExpiresAt").asText()));
        assertThat(login.get("isValid").asBoolean()).as("isValid").isTrue();
        assertThat(sandbox.stats().logins()).as("the login is counted").isEqualTo(1);
    }

    @Test
    void should_refuse_login_with_401_when_password_is_wrong() {
        Reply reply = client.post(SandboxClient.LOGIN, Map.of(
                "authProfileUuid", SandboxConfig.DEFAULT_AUTH_PROFILE_UUID,
                "username", SandboxConfig.DEFAULT_USERNAME, "password", "not-the-password"), null);

        assertThat(reply.status()).as("GraphQL errors come with HTTP 200 by default").isEqualTo(200);
        assertThat(reply.firstMessage()).as("Betty's exact message").isEqualTo("Wrong credentials, please try again");
        assertThat(reply.firstStatusCode()).as("extensions.statusCode").isEqualTo(401);
        assertThat(reply.json().at("/data/login").isNull()).as("no login payload").isTrue();
        assertThat(sandbox.stats().rejected401()).as("the refusal is counted").isEqualTo(1);
        assertThat(sandbox.stats().logins()).as("a refused login is not a login").isZero();
    }

    @Test
    void should_refuse_login_with_401_when_profile_is_unknown() {
        Reply reply = client.post(SandboxClient.LOGIN, Map.of("authProfileUuid", "00000000000000000000000000000000",
                "username", SandboxConfig.DEFAULT_USERNAME, "password", SandboxConfig.DEFAULT_PASSWORD), null);

        assertThat(reply.firstMessage()).as("message for an unknown profile")
                .isEqualTo("Unknown authentication profile");
        assertThat(reply.firstStatusCode()).as("extensions.statusCode").isEqualTo(401);
    }

    @Test
    void should_create_a_record_when_action_uses_undeclared_variables() {
        String token = client.token();

        Reply reply = client.action(SandboxClient.ACTION_UNDECLARED, token, SandboxConfig.DEFAULT_ACTION_ID,
                Map.of("file", URL));

        assertThat(reply.hasErrors()).as("undeclared $id/$input are accepted, as Betty does: %s", reply.text())
                .isFalse();
        assertThat(reply.json().at("/data/action/results/id").asLong()).as("the new record's id").isEqualTo(1);
        assertThat(reply.json().at("/data/action/results/file").asText()).as("the stored URL").isEqualTo(URL);
        assertThat(sandbox.records()).as("one record with the input")
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.actionId()).isEqualTo(SandboxConfig.DEFAULT_ACTION_ID);
                    assertThat(r.input()).containsExactly(Map.entry("file", URL));
                });
    }

    @Test
    void should_create_a_record_when_action_declares_its_variables() {
        String token = client.token();

        Reply reply = client.action(SandboxClient.ACTION_DECLARED, token, SandboxConfig.DEFAULT_ACTION_ID,
                Map.of("file", URL));

        assertThat(reply.hasErrors()).as("the declared form works too: %s", reply.text()).isFalse();
        assertThat(sandbox.records()).as("one record").extracting(SandboxRecord::input)
                .containsExactly(Map.of("file", URL));
    }

    @Test
    void should_create_a_record_when_input_is_an_inline_literal() {
        String token = client.token();
        String query = "mutation { action(id: \"" + SandboxConfig.DEFAULT_ACTION_ID
                + "\", input: {file: \"" + URL + "\", tags: [\"a\", 1, true, null]}) }";

        Reply reply = client.post(query, Map.of(), token);

        assertThat(reply.hasErrors()).as("literal input works: %s", reply.text()).isFalse();
        assertThat(sandbox.records().get(0).input()).as("nested literals become plain Java values")
                .containsEntry("file", URL)
                .containsEntry("tags", Arrays.asList("a", 1, true, null));
    }

    @Test
    void should_store_the_url_byte_for_byte_when_it_has_quotes_backslashes_and_non_ascii() {
        String token = client.token();
        String url = "https://example.test/a\"b\\c/ü €/日本/😀?q='x'&r=\"y\"\t%20";

        Reply reply = client.action(token, url);

        assertThat(reply.hasErrors()).as("accepted: %s", reply.text()).isFalse();
        assertThat(sandbox.records().get(0).input().get("file")).as("stored unchanged").isEqualTo(url);
        assertThat(reply.json().at("/data/action/results/file").asText()).as("answered unchanged").isEqualTo(url);
        Reply records = client.post("{ records { input } }", Map.of(), null);
        assertThat(records.json().at("/data/records/0/input/file").asText()).as("readable unchanged").isEqualTo(url);
    }

    @Test
    void should_refuse_action_with_401_when_token_is_missing() {
        Reply reply = client.action(null, URL);

        assertThat(reply.firstMessage()).as("message").isEqualTo("Not authorized: no token");
        assertThat(reply.firstStatusCode()).as("statusCode").isEqualTo(401);
        assertThat(reply.json().at("/errors/0/path/0").asText()).as("the error points at the field")
                .isEqualTo("action");
        assertThat(sandbox.records()).as("nothing stored").isEmpty();
    }

    @Test
    void should_refuse_action_with_401_when_token_is_malformed() {
        Reply reply = client.action("not-a-real-token", URL);

        assertThat(reply.firstMessage()).as("message").isEqualTo("Not authorized: invalid token");
        assertThat(reply.firstStatusCode()).as("statusCode").isEqualTo(401);
    }

    @Test
    void should_refuse_action_with_401_when_token_is_signed_by_another_sandbox() throws IOException {
        String foreignToken = new SandboxClient(start(TEST_CONFIG)).token();

        Reply reply = client.action(foreignToken, URL);

        assertThat(reply.firstMessage()).as("another secret means a bad signature")
                .isEqualTo("Not authorized: invalid token");
        assertThat(reply.firstStatusCode()).as("statusCode").isEqualTo(401);
    }

    @Test
    void should_refuse_action_with_401_when_token_was_made_for_another_app_or_profile() throws IOException {
        byte[] secret = "fake-test-secret-fake-test-secret-0123".getBytes(StandardCharsets.UTF_8);
        Sandbox forging = start(TEST_CONFIG, secret);
        SandboxClient forgingClient = new SandboxClient(forging);
        String otherApp = forge(secret, "ffffffffffffffffffffffffffffffff", SandboxConfig.DEFAULT_AUTH_PROFILE_UUID);
        String otherProfile = forge(secret, SandboxConfig.DEFAULT_APP_UUID, "eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee");

        Reply appReply = forgingClient.action(otherApp, URL);
        Reply profileReply = forgingClient.action(otherProfile, URL);

        assertThat(appReply.firstMessage()).as("app_uuid is checked")
                .isEqualTo("Not authorized: token for another application");
        assertThat(appReply.firstStatusCode()).as("statusCode").isEqualTo(401);
        assertThat(profileReply.firstMessage()).as("auth_profile is checked")
                .isEqualTo("Not authorized: token for another authentication profile");
        assertThat(profileReply.firstStatusCode()).as("statusCode").isEqualTo(401);
    }

    @Test
    void should_refuse_action_with_401_when_token_has_expired() throws IOException {
        Sandbox shortLived = start(TEST_CONFIG.withTokenLifetime(Duration.ofSeconds(1)));
        SandboxClient shortClient = new SandboxClient(shortLived);
        String token = shortClient.token();

        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(shortClient.action(token, URL).firstMessage()).as("the token runs out after 1 s")
                        .isEqualTo("Not authorized: token expired"));

        assertThat(shortClient.action(token, URL).firstStatusCode()).as("statusCode").isEqualTo(401);
    }

    @Test
    void should_refuse_action_with_401_when_tokens_were_revoked() {
        String token = client.token();
        sandbox.revokeAllTokens();

        Reply reply = client.action(token, URL);

        assertThat(reply.firstMessage()).as("message").isEqualTo("Not authorized: token revoked");
        assertThat(reply.firstStatusCode()).as("statusCode").isEqualTo(401);
        assertThat(client.action(client.token(), URL).hasErrors()).as("a token issued afterwards works").isFalse();
    }

    @Test
    void should_answer_404_when_action_id_is_unknown() {
        Reply reply = client.action(SandboxClient.ACTION_UNDECLARED, client.token(), "0000000000000000000000000000dead",
                Map.of("file", URL));

        assertThat(reply.firstMessage()).as("message").isEqualTo("Action not found");
        assertThat(reply.firstStatusCode()).as("statusCode").isEqualTo(404);
    }

    @Test
    void should_answer_422_naming_the_input_when_input_variable_is_missing() {
        String token = client.token();

        Reply empty = client.action(SandboxClient.ACTION_UNDECLARED, token, SandboxConfig.DEFAULT_ACTION_ID, Map.of());
        Reply notObject = client.action(SandboxClient.ACTION_UNDECLARED, token, SandboxConfig.DEFAULT_ACTION_ID, URL);
        Reply absent = client.post(SandboxClient.ACTION_UNDECLARED, Map.of("id", SandboxConfig.DEFAULT_ACTION_ID),
                token);

        for (Reply reply : List.of(empty, notObject, absent)) {
            assertThat(reply.firstStatusCode()).as("statusCode for %s", reply.text()).isEqualTo(422);
            assertThat(reply.firstMessage()).as("the message names the input variable").contains("'file'");
        }
        assertThat(sandbox.records()).as("nothing stored").isEmpty();
    }

    @Test
    void should_answer_errors_with_http_400_when_errorHttpStatus_is_400() throws IOException {
        SandboxClient strict = new SandboxClient(start(TEST_CONFIG.withErrorHttpStatus(400)));

        Reply refused = strict.action(null, URL);
        Reply invalid = strict.post("mutation { nosuchfield }", Map.of(), null);
        Reply ok = strict.action(strict.token(), URL);

        assertThat(refused.status()).as("an error answer uses the configured status").isEqualTo(400);
        assertThat(refused.firstStatusCode()).as("statusCode stays the logical one").isEqualTo(401);
        assertThat(invalid.status()).as("validation errors too").isEqualTo(400);
        assertThat(ok.status()).as("success stays 200").isEqualTo(200);
    }

    @Test
    void should_answer_503_in_plain_text_when_failureRate_is_1() throws IOException {
        Sandbox failing = start(TEST_CONFIG.withFailureRate(1.0));
        SandboxClient failingClient = new SandboxClient(failing);

        Reply reply = failingClient.post(SandboxClient.LOGIN, Map.of("authProfileUuid", "x"), null);

        assertThat(reply.status()).as("injected failure").isEqualTo(503);
        assertThat(reply.headers().firstValue("Content-Type")).as("a proxy-like text body")
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(failing.stats().injectedFailures()).as("counted").isEqualTo(1);
        assertThat(failing.stats().logins()).as("the request never reached the API").isZero();
    }

    @Test
    void should_answer_429_with_retry_after_when_rate_limit_is_exceeded() throws IOException {
        Sandbox limited = start(TEST_CONFIG.withRateLimitPerMinute(2));
        SandboxClient limitedClient = new SandboxClient(limited);
        String token = limitedClient.token();
        assertThat(limitedClient.action(token, URL).hasErrors()).as("second request still admitted").isFalse();

        Reply reply = limitedClient.action(token, URL);

        assertThat(reply.status()).as("throttled").isEqualTo(429);
        assertThat(reply.headers().firstValue("Retry-After").map(Long::parseLong)).as("seconds to the window's end")
                .hasValueSatisfying(seconds -> assertThat(seconds).isBetween(1L, 60L));
        assertThat(reply.firstStatusCode()).as("errors item with statusCode 429").isEqualTo(429);
        assertThat(limited.stats().throttled()).as("counted").isEqualTo(1);
        assertThat(limited.records()).as("the throttled call stored nothing").hasSize(1);
    }

    @Test
    void should_revoke_all_tokens_on_every_nth_action_call_when_revokeEvery_is_set() throws IOException {
        Sandbox revoking = start(TEST_CONFIG.withRevokeEvery(3));
        SandboxClient revokingClient = new SandboxClient(revoking);
        String first = revokingClient.token();

        List<Reply> withFirst = List.of(revokingClient.action(first, URL), revokingClient.action(first, URL),
                revokingClient.action(first, URL), revokingClient.action(first, URL));
        String second = revokingClient.token();
        List<Reply> withSecond = List.of(revokingClient.action(second, URL), revokingClient.action(second, URL));

        assertThat(withFirst.subList(0, 2)).as("calls 1 and 2 pass").noneMatch(Reply::hasErrors);
        assertThat(withFirst.get(2).firstMessage()).as("call 3 revokes and is refused itself")
                .isEqualTo("Not authorized: token revoked");
        assertThat(withFirst.get(3).firstStatusCode()).as("the old token stays revoked").isEqualTo(401);
        assertThat(withSecond.get(0).hasErrors()).as("call 5 with a fresh token passes").isFalse();
        assertThat(withSecond.get(1).firstMessage()).as("call 6 revokes again")
                .isEqualTo("Not authorized: token revoked");
        assertThat(revoking.stats().actionCalls()).as("every attempt counts").isEqualTo(6);
        assertThat(revoking.records()).as("calls 1, 2 and 5 stored records").hasSize(3);
    }

    @Test
    void should_rotate_the_refresh_token_and_refuse_the_old_one_when_refreshing() {
        JsonNode login = client.login();
        String oldRefresh = login.get("refreshToken").asText();

        Reply refreshed = client.post(SandboxClient.REFRESH, Map.of("token", oldRefresh), null);
        Reply reused = client.post(SandboxClient.REFRESH, Map.of("token", oldRefresh), null);

        JsonNode payload = refreshed.json().at("/data/refreshToken");
        assertThat(refreshed.hasErrors()).as("refresh succeeds: %s", refreshed.text()).isFalse();
        assertThat(payload.get("refreshToken").asText()).as("a new refresh token").isNotEqualTo(oldRefresh);
        assertThat(payload.get("jwtToken").asText()).as("a new access token")
                .isNotEqualTo(login.get("jwtToken").asText());
        assertThat(client.action(payload.get("jwtToken").asText(), URL).hasErrors()).as("the new token works")
                .isFalse();
        assertThat(reused.firstStatusCode()).as("the used refresh token is refused").isEqualTo(401);
        assertThat(reused.firstMessage()).as("and says why").isEqualTo("Not authorized: refresh token already used");
        Reply again = client.post(SandboxClient.REFRESH, Map.of("token", payload.get("refreshToken").asText()), null);
        assertThat(again.hasErrors()).as("the rotated refresh token works").isFalse();
        assertThat(sandbox.stats().refreshes()).as("two refreshes").isEqualTo(2);
    }

    @Test
    void should_refuse_a_refresh_token_when_it_was_revoked() {
        String refresh = client.login().get("refreshToken").asText();

        Reply revoke = client.post("mutation($t: String!) { revokeRefreshToken(token: $t) { refreshId removed } }",
                Map.of("t", refresh), null);
        Reply refreshed = client.post(SandboxClient.REFRESH, Map.of("token", refresh), null);

        assertThat(revoke.json().at("/data/revokeRefreshToken/removed").asBoolean()).as("removed").isTrue();
        assertThat(revoke.json().at("/data/revokeRefreshToken/refreshId").asText()).as("refreshId").isNotBlank();
        assertThat(refreshed.firstMessage()).as("revoked").isEqualTo("Not authorized: refresh token revoked");
        assertThat(refreshed.firstStatusCode()).as("statusCode").isEqualTo(401);
        assertThat(client.post(SandboxClient.REFRESH, Map.of("token", "not-a-real-token"), null).firstMessage())
                .as("an unknown refresh token").isEqualTo("Not authorized: invalid refresh token");
    }

    @Test
    void should_list_the_records_when_records_is_queried() {
        String token = client.token();
        client.action(token, URL);
        client.action(token, URL + "?second");

        Reply reply = client.post("query($a: String) { records(actionId: $a) { id actionId input createdAt } "
                + "recordCount }", Map.of("a", SandboxConfig.DEFAULT_ACTION_ID), null);
        Reply other = client.post("{ records(actionId: \"other\") { id } }", Map.of(), null);

        JsonNode records = reply.json().at("/data/records");
        assertThat(reply.hasErrors()).as("public query, no token: %s", reply.text()).isFalse();
        assertThat(records.size()).as("both records").isEqualTo(2);
        assertThat(records.get(0).get("id").asInt()).as("creation order").isEqualTo(1);
        assertThat(records.get(1).at("/input/file").asText()).as("input as JSON").isEqualTo(URL + "?second");
        assertThat(Instant.parse(records.get(0).get("createdAt").asText())).as("ISO-8601").isBeforeOrEqualTo(
                Instant.now());
        assertThat(reply.json().at("/data/recordCount").asInt()).as("recordCount").isEqualTo(2);
        assertThat(other.json().at("/data/records").size()).as("the filter applies").isZero();
    }

    @Test
    void should_serve_64_requests_at_once_when_latency_blocks_each_for_200_ms() throws Exception {
        Sandbox slow = start(TEST_CONFIG.withLatency(Duration.ofMillis(200)));
        SandboxClient slowClient = new SandboxClient(slow);
        String token = slowClient.token();
        List<CompletableFuture<Reply>> replies = new ArrayList<>();
        Map<String, Object> variables = new HashMap<>();
        variables.put("id", SandboxConfig.DEFAULT_ACTION_ID);
        variables.put("input", Map.of("file", URL));

        long startNanos = System.nanoTime();
        for (int i = 0; i < 64; i++) {
            replies.add(slowClient.postAsync(SandboxClient.ACTION_UNDECLARED, variables, token));
        }
        CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new)).get();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);

        assertThat(replies).as("all succeed").allSatisfy(r -> assertThat(r.get().hasErrors()).isFalse());
        assertThat(elapsed).as("far below 64 x 200 ms = 12.8 s, so requests overlapped")
                .isLessThan(Duration.ofMillis(64 * 200 / 4));
        assertThat(slow.maxInFlight()).as("the server handled many requests at the same moment (64 when idle)")
                .isGreaterThanOrEqualTo(32);
        assertThat(slow.records()).as("every call stored exactly one record with a distinct id")
                .extracting(SandboxRecord::id).doesNotHaveDuplicates().hasSize(64);
    }

    @Test
    void should_say_it_is_a_sandbox_not_betty_blocks_when_runtime_url_is_opened_with_get() {
        Reply reply = client.get(sandbox.runtimeUrl());

        assertThat(reply.status()).as("a page").isEqualTo(200);
        assertThat(reply.text()).as("says plainly what it is")
                .contains("betty-action-bridge sandbox")
                .contains("local stand-in")
                .contains("NOT Betty Blocks")
                .doesNotContain(SandboxConfig.DEFAULT_PASSWORD);
    }

    @Test
    void should_answer_405_when_method_is_neither_get_nor_post() {
        Reply reply = client.send(HttpRequest.newBuilder(sandbox.runtimeUrl())
                .method("PUT", HttpRequest.BodyPublishers.noBody()).build());

        assertThat(reply.status()).as("method not allowed").isEqualTo(405);
        assertThat(reply.headers().firstValue("Allow")).as("says what is").hasValue("GET, POST");
    }

    @Test
    void should_answer_404_with_an_errors_item_when_path_has_another_app_uuid() {
        Reply reply = client.postRaw(sandbox.baseUrl().resolve("/api/runtime/ffffffffffffffffffffffffffffffff"),
                "{\"query\":\"{ recordCount }\"}");

        assertThat(reply.status()).as("HTTP 404").isEqualTo(404);
        assertThat(reply.firstStatusCode()).as("errors item").isEqualTo(404);
    }

    @Test
    void should_answer_400_naming_the_problem_when_body_is_malformed_json() {
        Reply reply = client.postRaw(sandbox.runtimeUrl(), "{\"query\": \"{ recordCount }\", \"variables\": "
                + "{\"password\": \"sandbox-password\"");

        assertThat(reply.status()).as("HTTP 400").isEqualTo(400);
        assertThat(reply.firstStatusCode()).as("errors item").isEqualTo(400);
        assertThat(reply.firstMessage()).as("names the problem").contains("Malformed JSON")
                .contains("end of input")
                .doesNotContain("sandbox-password");
    }

    @Test
    void should_answer_statusCode_400_when_query_has_a_syntax_error_or_an_undeclared_nested_variable() {
        Reply syntax = client.post("mutation { action(", Map.of(), null);
        Reply nested = client.post("mutation { action(id: $id, input: {file: $url}) }",
                Map.of("id", SandboxConfig.DEFAULT_ACTION_ID, "url", URL), client.token());

        assertThat(syntax.firstStatusCode()).as("syntax error").isEqualTo(400);
        assertThat(syntax.status()).as("with the default error status").isEqualTo(200);
        assertThat(nested.firstStatusCode()).as("only root arguments are declared for the client").isEqualTo(400);
        assertThat(nested.firstMessage()).as("GraphQL validation names the variable").contains("url");
        assertThat(sandbox.records()).as("nothing stored").isEmpty();
    }

    @Test
    void should_fail_with_a_clear_message_when_port_is_taken() {
        int taken = sandbox.baseUrl().getPort();

        assertThatThrownBy(() -> start(TEST_CONFIG.withPort(taken)))
                .as("a second sandbox on the same port")
                .isInstanceOf(BindException.class)
                .hasMessageContaining("127.0.0.1:" + taken)
                .hasMessageContaining("already in use")
                .hasMessageContaining("bridge.sandbox.port");
    }

    @Test
    void should_bind_to_loopback_and_report_the_actual_port_when_port_is_0() {
        assertThat(sandbox.baseUrl().getHost()).as("loopback only").isEqualTo("127.0.0.1");
        assertThat(sandbox.config().port()).as("the bound port").isPositive().isEqualTo(sandbox.baseUrl().getPort());
        assertThat(sandbox.runtimeUrl().toString()).as("runtime URL")
                .isEqualTo(sandbox.baseUrl() + "/api/runtime/" + SandboxConfig.DEFAULT_APP_UUID);
    }

    @Test
    void should_do_nothing_when_closed_twice() {
        sandbox.close();

        sandbox.close();

        assertThatThrownBy(() -> client.get(sandbox.runtimeUrl())).as("no longer listening")
                .isInstanceOf(IllegalStateException.class);
    }

    private Sandbox start(SandboxConfig config) throws IOException {
        Sandbox created = Sandbox.start(config);
        started.add(created);
        return created;
    }

    private Sandbox start(SandboxConfig config, byte[] secret) throws IOException {
        Sandbox created = Sandbox.start(config, secret);
        started.add(created);
        return created;
    }

    private static String forge(byte[] secret, String appUuid, String authProfile) {
        Instant now = Instant.now();
        return JWT.create()
                .withSubject(SandboxConfig.DEFAULT_USERNAME)
                .withClaim("app_uuid", appUuid)
                .withClaim("auth_profile", authProfile)
                .withIssuedAt(now)
                .withExpiresAt(now.plusSeconds(300))
                .withJWTId("forged")
                .sign(Algorithm.HMAC256(secret));
    }
}
