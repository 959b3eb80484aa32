package dev.bettybridge.token;

/**
 * The runtime API did not give a token. {@link #refused()} tells a login the server turned down (wrong credentials,
 * unknown profile), which retrying cannot fix, from one that may work later (throttled, server error).
 */
public final class LoginFailedException extends RuntimeException {

    private final boolean refused;

    public LoginFailedException(String message, boolean refused) {
        super(message);
        this.refused = refused;
    }

    /** Whether the server refused the credentials or profile, as opposed to being unavailable. */
    public boolean refused() {
        return refused;
    }
}
