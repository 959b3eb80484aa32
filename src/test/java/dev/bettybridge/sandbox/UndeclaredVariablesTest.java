package dev.bettybridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.language.AstPrinter;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.language.VariableDefinition;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The document rewrite that lets Betty's undeclared-variable form pass GraphQL validation. */
class UndeclaredVariablesTest {

    private final UndeclaredVariables rewrite = new UndeclaredVariables(schema());

    @Test
    void should_declare_root_arguments_with_schema_types_when_variables_are_undeclared() {
        Document document = Parser.parse("mutation { action(id: $id, input: $input) }");

        Document rewritten = rewrite.declareMissing(document);

        assertThat(definitions(rewritten)).as("types come from the action field's arguments")
                .containsExactly("id: ID!", "input: ActionInput");
    }

    @Test
    void should_return_the_same_document_when_every_variable_is_declared() {
        Document document = Parser.parse("mutation($id: ID!, $input: ActionInput!) { action(id: $id, input: $input) }");

        Document rewritten = rewrite.declareMissing(document);

        assertThat(rewritten).as("nothing to add, nothing copied").isSameAs(document);
    }

    @Test
    void should_add_only_the_missing_one_when_some_are_declared() {
        Document document = Parser.parse("mutation($input: ActionInput!) { action(id: $id, input: $input) }");

        Document rewritten = rewrite.declareMissing(document);

        assertThat(definitions(rewritten)).as("the declared type is kept").containsExactly("input: ActionInput!",
                "id: ID!");
    }

    @Test
    void should_leave_a_variable_undeclared_when_it_is_not_a_direct_root_argument() {
        Document nested = Parser.parse("mutation { action(id: $id, input: {file: $url}) }");
        Document unknownArgument = Parser.parse("mutation { action(id: \"x\", nope: $x) }");
        Document deeper = Parser.parse("mutation { login(authProfileUuid: \"p\") { jwtToken @include(if: $yes) } }");

        assertThat(definitions(rewrite.declareMissing(nested))).as("a variable inside an object literal")
                .containsExactly("id: ID!");
        assertThat(rewrite.declareMissing(unknownArgument)).as("an argument the schema does not know")
                .isSameAs(unknownArgument);
        assertThat(rewrite.declareMissing(deeper)).as("a variable below the root field").isSameAs(deeper);
    }

    @Test
    void should_use_the_query_root_when_the_operation_is_a_query() {
        Document document = Parser.parse("query { records(actionId: $a) { id } }");

        Document rewritten = rewrite.declareMissing(document);

        assertThat(definitions(rewritten)).as("nullable String from Query.records").containsExactly("a: String");
    }

    private static List<String> definitions(Document document) {
        OperationDefinition operation = document.getDefinitionsOfType(OperationDefinition.class).get(0);
        return operation.getVariableDefinitions().stream()
                .map(UndeclaredVariablesTest::print)
                .toList();
    }

    private static String print(VariableDefinition definition) {
        return definition.getName() + ": " + AstPrinter.printAst(definition.getType());
    }

    private static GraphQLSchema schema() {
        SandboxConfig config = SandboxConfig.defaults();
        SandboxCounters counters = new SandboxCounters();
        TokenIssuer tokens = new TokenIssuer(config, TokenIssuer.randomSecret(), Clock.systemUTC());
        RecordStore records = new RecordStore(Clock.systemUTC());
        return RuntimeSchema.build(new AuthMutations(config, tokens, counters),
                new ActionMutation(config, tokens, records, counters), new RecordQueries(records));
    }
}
