package dev.bettybridge.sandbox;

/** A refusal by the runtime API, answered as an {@code errors} item with this message and statusCode. */
final class RuntimeApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int statusCode;

    /**
     * Creates the refusal.
     *
     * @param statusCode the logical status for {@code extensions.statusCode}
     * @param message    the exact message the client sees; never put a credential or token in it
     */
    RuntimeApiException(int statusCode, String message) {
        // No stack trace: these are answers, not faults, and are created on every refused call.
        super(message, null, false, false);
        this.statusCode = statusCode;
    }

    int statusCode() {
        return statusCode;
    }
}
