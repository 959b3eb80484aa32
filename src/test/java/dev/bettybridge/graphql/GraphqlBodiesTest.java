package dev.bettybridge.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GraphqlBodiesTest {

    private final ObjectMapper mapper = new ObjectMapper();
    private final GraphqlBodies bodies = new GraphqlBodies(mapper);

    @Test
    void should_send_credentials_as_variables_never_in_the_query_text() throws IOException {
        JsonNode body = mapper.readTree(bodies.login("0123456789abcdef0123456789abcdef", "bridge",
                "pa\"ss\\word"));

        assertThat(body.path("query").asText()).as("query text").doesNotContain("pa\"ss");
        assertThat(body.path("variables").path("password").asText()).as("password variable")
                .isEqualTo("pa\"ss\\word");
        assertThat(body.path("variables").path("authProfileUuid").asText()).as("profile variable, which the seed"
                + " article forgot").isEqualTo("0123456789abcdef0123456789abcdef");
    }

    @Test
    void should_build_the_action_mutation_with_id_and_input_variables() throws IOException {
        JsonNode body = mapper.readTree(bodies.action("mutation { action(id: $id, input: $input) }",
                "5a4db0c00000000000000000000ac710", Map.of("file", "https://example.com/\"ü\".png")));

        assertThat(body.path("query").asText()).as("query").isEqualTo("mutation { action(id: $id, input: $input) }");
        assertThat(body.path("variables").path("id").asText()).as("id").isEqualTo("5a4db0c00000000000000000000ac710");
        assertThat(body.path("variables").path("input").path("file").asText()).as("URL unchanged")
                .isEqualTo("https://example.com/\"ü\".png");
    }
}
