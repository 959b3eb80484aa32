package dev.bettybridge.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The two shapes of a queue message body, and the reasons a body is neither. */
class MessageBodyTest {

    @Test
    void should_read_a_plain_url_with_surrounding_whitespace() throws Exception {
        MessageBody body = MessageBody.read("  https://example.com/a.png\n", "file");

        assertThat(body).as("the URL alone").isEqualTo(new MessageBody("https://example.com/a.png", Map.of()));
    }

    @Test
    void should_read_a_json_object_with_further_inputs() throws Exception {
        MessageBody body = MessageBody.read(
                "{\"url\": \"https://example.com/b.png\", \"input\": {\"folder\": \"x\", \"n\": 2, \"tags\": [\"a\"]}}",
                "file");

        assertThat(body.url()).as("url").isEqualTo("https://example.com/b.png");
        assertThat(body.input()).as("inputs with their JSON types")
                .isEqualTo(Map.of("folder", "x", "n", 2, "tags", List.of("a")));
    }

    @Test
    void should_read_a_json_object_without_input() throws Exception {
        assertThat(MessageBody.read("{\"url\": \"https://example.com/c.png\"}", "file").input()).as("no inputs")
                .isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "'' | the body is empty; expected a URL or {\"url\": ..., \"input\": {...}}",
        "ftp://example.com/a.png | not an absolute http or https URL",
        "https://example.com/a b.png | contains a space (write it as %20)",
        "{\"url\": 42} | 'url' is not a string",
        "{\"input\": {}} | 'url' is missing",
        "{\"url\": \"example.com\"} | not an absolute http or https URL",
        "{\"url\": \"https://example.com\", \"input\": [1]} | 'input' is not an object",
        "{\"url\": \"https://example.com\", \"inputs\": {}} | unknown field 'inputs'; expected only url and input",
        "{\"url\": \"https://example.com\", \"input\": {\"file\": \"x\"}} | 'input' sets 'file', which takes the URL;"
                + " leave it out",
        "{\"url\": \"https://example.com\", \"input\": {\"a\": null}} | input 'a' is null; leave it out instead",
        "{\"url\": \"https://a.example\", \"url\": \"https://b.example\"} | the body is not valid JSON at line 1,"
                + " column 35: Duplicate field 'url'",
        "{\"url\": \"https://example.com\"} trailing | the body is not valid JSON at line 1, column 40: Unrecognized"
                + " token 'trailing': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or"
                + " 'false')"})
    void should_refuse_a_body_with_a_reason_naming_the_problem(String text, String reason) {
        assertThatThrownBy(() -> MessageBody.read(text, "file")).as(text)
                .isInstanceOf(MessageBody.InvalidBodyException.class).hasMessage(reason);
    }
}
