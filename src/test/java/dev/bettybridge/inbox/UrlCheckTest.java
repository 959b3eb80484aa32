package dev.bettybridge.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UrlCheckTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "https://example.com", "http://example.com:8080/a.png", "HTTPS://EXAMPLE.COM/A.PNG",
        "https://user@example.com/a", "https://example.com/a\"b\\c", "https://bücher.example/ü.png"})
    void should_accept_absolute_http_urls_as_they_are(String url) {
        assertThat(UrlCheck.problem(url)).as(url).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ftp://example.com/a.png | not an absolute http or https URL",
        "example.com/a.png | not an absolute http or https URL",
        "/relative/path.png | not an absolute http or https URL",
        "https:///a.png | has no host",
        "https://:8080/a.png | has no host",
        "https://example.com/a b.png | contains a space (write it as %20)"})
    void should_reject_with_a_reason(String url, String reason) {
        assertThat(UrlCheck.problem(url)).as(url).contains(reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://example.com/a\tb", "https://example.com/a\u0000b"})
    void should_reject_control_characters(String url) {
        assertThat(UrlCheck.problem(url)).as("control character").isPresent();
    }
}
