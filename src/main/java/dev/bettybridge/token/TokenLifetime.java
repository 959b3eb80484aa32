package dev.bettybridge.token;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Decides how long a token may be used: the earlier of the server's {@code accessExpiresIn} (seconds, counted from
 * the local moment the answer arrived) and the JWT's own {@code exp}, minus a safety margin.
 */
public final class TokenLifetime {

    private static final Duration MAX_DEFAULT_MARGIN = Duration.ofSeconds(60);

    private final Optional<Duration> margin;

    /**
     * @param margin a fixed safety margin; when empty, the smaller of 60 s and 10% of the token's lifetime
     */
    public TokenLifetime(Optional<Duration> margin) {
        this.margin = margin;
    }

    /**
     * Builds the token with its expiry.
     *
     * @throws LoginFailedException when the answer gives no usable lifetime or the token is already expired
     */
    public AccessToken token(String jwt, Optional<String> refreshToken, Instant receivedAt,
            Optional<Long> accessExpiresInSeconds, Optional<Instant> jwtExpiry) {
        Optional<Instant> byAnswer = accessExpiresInSeconds.map(receivedAt::plusSeconds);
        Instant expiresAt = earliest(byAnswer, jwtExpiry).orElseThrow(() -> new LoginFailedException(
                "login answer has neither accessExpiresIn nor a JWT exp claim", false));
        Duration lifetime = Duration.between(receivedAt, expiresAt);
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new LoginFailedException("login answer holds a token that expired at " + expiresAt
                    + "; check the clocks of this machine and of the server", false);
        }
        Duration safety = margin.orElseGet(() -> min(MAX_DEFAULT_MARGIN, lifetime.dividedBy(10)));
        Duration usable = lifetime.minus(safety);
        // A margin as long as the lifetime would make every token unusable; keep at least half of it.
        Instant useUntil = receivedAt.plus(usable.compareTo(lifetime.dividedBy(2)) < 0 ? lifetime.dividedBy(2) : usable);
        return new AccessToken(jwt, refreshToken, receivedAt, expiresAt, useUntil);
    }

    private static Optional<Instant> earliest(Optional<Instant> first, Optional<Instant> second) {
        if (first.isPresent() && second.isPresent()) {
            return Optional.of(first.get().isBefore(second.get()) ? first.get() : second.get());
        }
        return first.isPresent() ? first : second;
    }

    private static Duration min(Duration first, Duration second) {
        return first.compareTo(second) <= 0 ? first : second;
    }
}
