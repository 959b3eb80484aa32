package dev.bettybridge.sandbox;

import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;

/** The sandbox's GraphQL schema, written as SDL and wired to its data fetchers. */
final class RuntimeSchema {

    static final String SDL = """
            "A JSON object keyed by the action's input-variable names."
            scalar ActionInput

            "Any JSON value."
            scalar JSON

            type Query {
              "Records created by successful action calls, oldest first; public, for inspection."
              records(actionId: String): [Record!]!
              recordCount: Int!
            }

            type Mutation {
              login(authProfileUuid: String!, username: String, password: String,
                    redirectUrl: String, callbackUrl: String): LoginPayload
              refreshToken(token: String!): LoginPayload
              revokeRefreshToken(token: String!): RevokePayload
              action(id: ID!, input: ActionInput): JSON
            }

            type LoginPayload {
              jwtToken: String
              refreshToken: String
              "Seconds."
              accessExpiresIn: Int
              "ISO-8601."
              accessExpiresAt: String
              "Seconds."
              refreshExpiresIn: Int
              "ISO-8601."
              refreshExpiresAt: String
              isValid: Boolean
            }

            type RevokePayload {
              refreshId: String
              removed: Boolean
            }

            type Record {
              id: Int!
              actionId: String!
              input: ActionInput
              createdAt: String!
            }
            """;

    private RuntimeSchema() {
    }

    /**
     * Builds the executable schema.
     *
     * @return the schema, ready for execution
     */
    static GraphQLSchema build(AuthMutations auth, ActionMutation action, RecordQueries records) {
        TypeDefinitionRegistry types = new SchemaParser().parse(SDL);
        RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
                .scalar(JsonScalars.actionInput())
                .scalar(JsonScalars.json())
                .type("Query", type -> type
                        .dataFetcher("records", records::records)
                        .dataFetcher("recordCount", records::recordCount))
                .type("Mutation", type -> type
                        .dataFetcher("login", auth::login)
                        .dataFetcher("refreshToken", auth::refreshToken)
                        .dataFetcher("revokeRefreshToken", auth::revokeRefreshToken)
                        .dataFetcher("action", action::action))
                .type("Record", type -> type.dataFetcher("createdAt", records::createdAt))
                .build();
        return new SchemaGenerator().makeExecutableSchema(types, wiring);
    }
}
