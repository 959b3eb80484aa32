package dev.bettybridge.graphql;

import java.util.OptionalInt;

/**
 * One item of a GraphQL {@code errors} array as the runtime API sends it.
 *
 * @param message the server's text, shown to the user as the reason of a failure
 * @param statusCode {@code extensions.statusCode} when present
 */
public record GraphqlError(String message, OptionalInt statusCode) {

    /** The message with its status code, as it appears in reports. */
    public String describe() {
        return statusCode.isPresent() ? message + " (statusCode " + statusCode.getAsInt() + ")" : message;
    }
}
