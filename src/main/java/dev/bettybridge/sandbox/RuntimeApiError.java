package dev.bettybridge.sandbox;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.GraphqlErrorHelper;
import graphql.GraphQLError;
import graphql.language.SourceLocation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A GraphQL error shaped like Betty's: message, locations, path and {@code extensions.statusCode}, nothing more. */
final class RuntimeApiError implements GraphQLError {

    private static final long serialVersionUID = 1L;

    private final String message;
    private final int statusCode;
    private final List<SourceLocation> locations;
    private final List<Object> path;

    RuntimeApiError(String message, int statusCode, List<SourceLocation> locations, List<Object> path) {
        this.message = message;
        this.statusCode = statusCode;
        this.locations = List.copyOf(locations);
        this.path = List.copyOf(path);
    }

    @Override
    public String getMessage() {
        return message;
    }

    @Override
    public List<SourceLocation> getLocations() {
        return locations;
    }

    @Override
    public ErrorClassification getErrorType() {
        return ErrorType.DataFetchingException;
    }

    @Override
    public List<Object> getPath() {
        return path;
    }

    @Override
    public Map<String, Object> getExtensions() {
        return Map.of("statusCode", statusCode);
    }

    @Override
    public Map<String, Object> toSpecification() {
        // Built by hand to leave out graphql-java's "classification" extension, which Betty does not send.
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("message", message);
        if (!locations.isEmpty()) {
            spec.put("locations", GraphqlErrorHelper.locations(locations));
        }
        if (!path.isEmpty()) {
            spec.put("path", path);
        }
        spec.put("extensions", getExtensions());
        return spec;
    }
}
