package dev.bettybridge.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bettybridge.token.LoginFailedException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.camel.CamelExecutionException;
import org.junit.jupiter.api.Test;

class OutcomeClassifierTest {

    private final OutcomeClassifier classifier = new OutcomeClassifier(new ObjectMapper());

    @Test
    void should_succeed_on_2xx_without_errors_and_keep_the_results() {
        ActionOutcome outcome = answer(200, null, "{\"data\":{\"action\":{\"results\":{\"id\":7}}}}");

        assertThat(outcome.kind()).as("kind").isEqualTo(ActionOutcome.Kind.TRIGGERED);
        assertThat(outcome.results()).as("results").hasValueSatisfying(
                results -> assertThat(results.path("id").asInt()).isEqualTo(7));
    }

    @Test
    void should_fail_on_errors_in_a_200_answer_with_the_servers_message() {
        ActionOutcome outcome = answer(200, null,
                "{\"data\":null,\"errors\":[{\"message\":\"Bad input\",\"extensions\":{\"statusCode\":422}}]}");

        assertThat(outcome.kind()).as("kind").isEqualTo(ActionOutcome.Kind.FAILED);
        assertThat(outcome.reason()).as("reason").isEqualTo("Bad input (statusCode 422)");
    }

    @Test
    void should_reauthenticate_on_401_as_status_code_or_http_status() {
        assertThat(answer(200, null, "{\"errors\":[{\"message\":\"expired\",\"extensions\":{\"statusCode\":401}}]}")
                .kind()).as("statusCode 401 in a 200").isEqualTo(ActionOutcome.Kind.REAUTHENTICATE);
        assertThat(answer(401, null, "").kind()).as("HTTP 401").isEqualTo(ActionOutcome.Kind.REAUTHENTICATE);
    }

    @Test
    void should_retry_on_429_with_its_retry_after_and_on_5xx() {
        ActionOutcome throttled = answer(429, "7", "{\"errors\":[{\"message\":\"slow down\"}]}");

        assertThat(throttled.kind()).as("429").isEqualTo(ActionOutcome.Kind.RETRY);
        assertThat(throttled.retryAfter()).as("Retry-After").contains(Duration.ofSeconds(7));
        assertThat(answer(503, null, "<html>gateway</html>").kind()).as("503 with HTML")
                .isEqualTo(ActionOutcome.Kind.RETRY);
        assertThat(answer(503, null, "<html>gateway</html>").reason()).as("reason").isEqualTo("HTTP 503");
    }

    @Test
    void should_fail_on_a_2xx_answer_that_is_not_graphql() {
        ActionOutcome outcome = answer(200, null, "<html>login page</html>");

        assertThat(outcome.kind()).as("kind").isEqualTo(ActionOutcome.Kind.FAILED);
        assertThat(outcome.reason()).as("reason").contains("without a GraphQL JSON body");
    }

    @Test
    void should_retry_on_network_errors_and_pause_on_refused_logins() {
        assertThat(classifier.failure(new CamelExecutionException("wrapped", null,
                new ConnectException("Connection refused"))).kind()).as("I/O").isEqualTo(ActionOutcome.Kind.RETRY);
        assertThat(classifier.failure(new LoginFailedException("Wrong credentials", true)).kind())
                .as("refused login").isEqualTo(ActionOutcome.Kind.CREDENTIALS_REFUSED);
        assertThat(classifier.failure(new LoginFailedException("HTTP 503", false)).kind())
                .as("unavailable login").isEqualTo(ActionOutcome.Kind.RETRY);
    }

    private ActionOutcome answer(int status, String retryAfter, String body) {
        return classifier.answer(status, retryAfter, body.getBytes(StandardCharsets.UTF_8));
    }
}
