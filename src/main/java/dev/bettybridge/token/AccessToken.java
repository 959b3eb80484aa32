package dev.bettybridge.token;

import java.time.Instant;
import java.util.Optional;

/**
 * A JWT from the login mutation with the moments that matter to the bridge; {@link #toString()} never shows the
 * token itself.
 *
 * @param jwt the bearer token, secret
 * @param refreshToken the refresh token when the server gave one, secret
 * @param receivedAt when the login answer arrived, by the local clock
 * @param expiresAt the earlier of {@code accessExpiresIn} after {@code receivedAt} and the JWT's {@code exp}
 * @param useUntil {@code expiresAt} minus the safety margin: the cache drops the token at this moment
 */
public record AccessToken(String jwt, Optional<String> refreshToken, Instant receivedAt, Instant expiresAt,
        Instant useUntil) {

    /** The value of the {@code Authorization} header. */
    public String bearer() {
        return "Bearer " + jwt;
    }

    @Override
    public String toString() {
        return "AccessToken[receivedAt=" + receivedAt + ", expiresAt=" + expiresAt + ", useUntil=" + useUntil + "]";
    }
}
