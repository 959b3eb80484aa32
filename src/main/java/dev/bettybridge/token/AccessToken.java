package dev.bettybridge.token;

import java.time.Instant;
import java.util.Optional;

/**
 * A JWT from the login or refresh mutation with the moments that matter to the bridge; {@link #toString()} never
 * shows the token itself.
 *
 * @param jwt the bearer token, secret
 * @param refreshToken the refresh token when the server gave one, secret
 * @param refreshExpiresAt when the refresh token stops working, when the server said so
 * @param receivedAt when the answer arrived, by the local clock
 * @param expiresAt the earlier of {@code accessExpiresIn} after {@code receivedAt} and the JWT's {@code exp}
 * @param refreshFrom {@code expiresAt} minus the safety margin: from here on one background refresh runs
 * @param dropAt halfway through the margin: from here on the token is no longer used, and callers wait for a new one
 */
public record AccessToken(String jwt, Optional<String> refreshToken, Optional<Instant> refreshExpiresAt,
        Instant receivedAt, Instant expiresAt, Instant refreshFrom, Instant dropAt) {

    /** The value of the {@code Authorization} header. */
    public String bearer() {
        return "Bearer " + jwt;
    }

    /** Whether the refresh token can still be used at {@code now}. */
    public boolean refreshable(Instant now) {
        return refreshToken.isPresent() && refreshExpiresAt.map(now::isBefore).orElse(true);
    }

    @Override
    public String toString() {
        return "AccessToken[receivedAt=" + receivedAt + ", expiresAt=" + expiresAt + ", refreshFrom=" + refreshFrom
                + "]";
    }
}
