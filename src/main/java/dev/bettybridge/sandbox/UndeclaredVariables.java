package dev.bettybridge.sandbox;

import graphql.language.Argument;
import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.language.VariableDefinition;
import graphql.language.VariableReference;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Declares the variables that an operation uses without declaring them, the way Betty's server tolerates
 * {@code mutation { action(id: $id, input: $input) }}.
 *
 * <p>Only a variable used directly as the value of a root field's argument is declared, with that argument's type from
 * the schema. Every other undeclared use is left alone, so GraphQL validation still rejects it.
 */
final class UndeclaredVariables {

    private final GraphQLSchema schema;

    UndeclaredVariables(GraphQLSchema schema) {
        this.schema = schema;
    }

    /**
     * Returns the document with the missing variable definitions added, or the same instance when none were missing.
     *
     * @param document a parsed document
     * @return the document to validate and execute
     */
    Document declareMissing(Document document) {
        // Raw, because Document.Builder#definitions takes a raw List<Definition>.
        @SuppressWarnings("rawtypes")
        List<Definition> definitions = new ArrayList<>(document.getDefinitions().size());
        boolean changed = false;
        for (Definition<?> definition : document.getDefinitions()) {
            Definition<?> rewritten = definition;
            if (definition instanceof OperationDefinition operation) {
                rewritten = declareMissing(operation);
            }
            changed |= rewritten != definition;
            definitions.add(rewritten);
        }
        if (!changed) {
            return document;
        }
        return document.transform(builder -> builder.definitions(definitions));
    }

    private OperationDefinition declareMissing(OperationDefinition operation) {
        GraphQLObjectType rootType = rootType(operation.getOperation());
        if (rootType == null) {
            return operation;
        }
        Map<String, VariableDefinition> declared = new LinkedHashMap<>();
        for (VariableDefinition definition : operation.getVariableDefinitions()) {
            declared.put(definition.getName(), definition);
        }
        int before = declared.size();

        for (Selection<?> selection : operation.getSelectionSet().getSelections()) {
            if (selection instanceof Field field) {
                declareArguments(rootType.getFieldDefinition(field.getName()), field, declared);
            }
        }
        if (declared.size() == before) {
            return operation;
        }
        List<VariableDefinition> definitions = List.copyOf(declared.values());
        return operation.transform(builder -> builder.variableDefinitions(definitions));
    }

    private static void declareArguments(GraphQLFieldDefinition fieldDefinition, Field field,
                                         Map<String, VariableDefinition> declared) {
        if (fieldDefinition == null) {
            // An unknown field: validation reports it.
            return;
        }
        for (Argument argument : field.getArguments()) {
            GraphQLArgument argumentDefinition = fieldDefinition.getArgument(argument.getName());
            if (argumentDefinition != null && argument.getValue() instanceof VariableReference variable
                    && !declared.containsKey(variable.getName())) {
                // The first use decides the type; a conflicting later use then fails validation as it should.
                declared.put(variable.getName(),
                        new VariableDefinition(variable.getName(), astType(argumentDefinition.getType())));
            }
        }
    }

    private GraphQLObjectType rootType(OperationDefinition.Operation operation) {
        return switch (operation) {
            case QUERY -> schema.getQueryType();
            case MUTATION -> schema.getMutationType();
            case SUBSCRIPTION -> schema.getSubscriptionType();
        };
    }

    private static Type<?> astType(GraphQLType type) {
        if (type instanceof GraphQLNonNull nonNull) {
            return new NonNullType(astType(nonNull.getWrappedType()));
        }
        if (type instanceof GraphQLList list) {
            return new ListType(astType(list.getWrappedType()));
        }
        return new TypeName(((GraphQLNamedType) type).getName());
    }
}
