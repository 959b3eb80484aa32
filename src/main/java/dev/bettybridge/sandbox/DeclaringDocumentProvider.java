package dev.bettybridge.sandbox;

import graphql.ExecutionInput;
import graphql.ParseAndValidate;
import graphql.ParseAndValidateResult;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.language.Document;
import graphql.schema.GraphQLSchema;
import graphql.validation.ValidationError;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Parses each request, declares its undeclared root-argument variables, then validates it with graphql-java's standard
 * rules; source locations in errors stay those of the original query text.
 */
final class DeclaringDocumentProvider implements PreparsedDocumentProvider {

    private final GraphQLSchema schema;
    private final UndeclaredVariables undeclaredVariables;

    DeclaringDocumentProvider(GraphQLSchema schema) {
        this.schema = schema;
        this.undeclaredVariables = new UndeclaredVariables(schema);
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(
            ExecutionInput executionInput, Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        ParseAndValidateResult parsed = ParseAndValidate.parse(executionInput);
        if (parsed.isFailure()) {
            return CompletableFuture.completedFuture(new PreparsedDocumentEntry(parsed.getErrors()));
        }
        Document document = undeclaredVariables.declareMissing(parsed.getDocument());
        List<ValidationError> errors = ParseAndValidate.validate(schema, document, executionInput.getLocale());
        PreparsedDocumentEntry entry = errors.isEmpty()
                ? new PreparsedDocumentEntry(document)
                : new PreparsedDocumentEntry(errors);
        return CompletableFuture.completedFuture(entry);
    }
}
