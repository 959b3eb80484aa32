package dev.bettybridge.sandbox;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.EnumValue;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.NullValue;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.GraphQLScalarType;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The sandbox's JSON-valued scalars: {@code ActionInput} for the action's input and {@code JSON} for its result. */
final class JsonScalars {

    static final String ACTION_INPUT = "ActionInput";
    static final String JSON = "JSON";

    private JsonScalars() {
    }

    static GraphQLScalarType actionInput() {
        // Any JSON value passes coercion on purpose: the action itself answers a non-object input with 422, as the
        // brief for the runtime asks, instead of a generic GraphQL coercion error.
        return GraphQLScalarType.newScalar()
                .name(ACTION_INPUT)
                .description("The action's input: a JSON object keyed by the action's input-variable names.")
                .coercing(new JsonCoercing())
                .build();
    }

    static GraphQLScalarType json() {
        return GraphQLScalarType.newScalar()
                .name(JSON)
                .description("Any JSON value.")
                .coercing(new JsonCoercing())
                .build();
    }

    /** Passes JSON values through unchanged and turns GraphQL literals into the same Java shapes Jackson makes. */
    private static final class JsonCoercing implements Coercing<Object, Object> {

        @Override
        public Object serialize(Object dataFetcherResult, GraphQLContext context, Locale locale) {
            return dataFetcherResult;
        }

        @Override
        public Object parseValue(Object input, GraphQLContext context, Locale locale) {
            return input;
        }

        @Override
        public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
                                   Locale locale) {
            return literal(input, variables);
        }

        private static Object literal(Value<?> value, CoercedVariables variables) {
            if (value instanceof StringValue s) {
                return s.getValue();
            }
            if (value instanceof BooleanValue b) {
                return b.isValue();
            }
            if (value instanceof IntValue i) {
                return smallest(i.getValue());
            }
            if (value instanceof FloatValue f) {
                return f.getValue().doubleValue();
            }
            if (value instanceof EnumValue e) {
                return e.getName();
            }
            if (value instanceof NullValue) {
                return null;
            }
            if (value instanceof VariableReference v) {
                return variables.get(v.getName());
            }
            if (value instanceof ArrayValue a) {
                List<Object> list = new ArrayList<>();
                for (Value<?> item : a.getValues()) {
                    list.add(literal(item, variables));
                }
                return list;
            }
            if (value instanceof ObjectValue o) {
                Map<String, Object> map = new LinkedHashMap<>();
                for (ObjectField field : o.getObjectFields()) {
                    map.put(field.getName(), literal(field.getValue(), variables));
                }
                return map;
            }
            throw new CoercingParseLiteralException("Unsupported JSON literal: " + value.getClass().getSimpleName());
        }

        private static Object smallest(BigInteger value) {
            // The same number types Jackson produces for the variables form, so both forms store equal inputs.
            if (value.bitLength() < Integer.SIZE) {
                return value.intValue();
            }
            if (value.bitLength() < Long.SIZE) {
                return value.longValue();
            }
            return value;
        }
    }
}
