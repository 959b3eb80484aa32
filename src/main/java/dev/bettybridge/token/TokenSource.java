package dev.bettybridge.token;

/** Where tokens come from: a full login, or a renewal of a token the bridge already holds. */
public interface TokenSource {

    /**
     * Logs in with the configured credentials.
     *
     * @throws LoginFailedException when the server gave no token
     */
    AccessToken login();

    /**
     * Renews a token: with its refresh token while that is held and valid, else, or when the refresh is refused,
     * with a full login.
     *
     * @throws LoginFailedException when neither gave a token
     */
    AccessToken renew(AccessToken current);
}
