package dev.bettybridge.token;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Decides how long a token may be used: the earlier of the server's {@code accessExpiresIn} (seconds, counted from
 * the local moment the answer arrived, so a skewed server clock cannot stretch it) and the JWT's own {@code exp},
 * minus a safety margin in which the token is renewed ahead of time.
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
     * Builds the token with its moments.
     *
     * @throws LoginFailedException when the answer gives no usable lifetime or the token is already expired
     */
    public AccessToken token(String jwt, Optional<String> refreshToken, Optional<Long> refreshExpiresInSeconds,
            Instant receivedAt, Optional<Long> accessExpiresInSeconds, Optional<Instant> jwtExpiry) {
        Optional<Instant> byAnswer = accessExpiresInSeconds.map(receivedAt::plusSeconds);
        Instant expiresAt = earliest(byAnswer, jwtExpiry).orElseThrow(() -> new LoginFailedException(
                "the answer has neither accessExpiresIn nor a JWT exp claim", false));
        Duration lifetime = Duration.between(receivedAt, expiresAt);
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new LoginFailedException("the answer holds a token that expired at " + expiresAt
                    + "; check the clocks of this machine and of the server", false);
        }
        Duration safety = margin.orElseGet(() -> shorter(MAX_DEFAULT_MARGIN, lifetime.dividedBy(10)));
        // A margin as long as the lifetime would renew without end; keep at least half of the lifetime usable.
        safety = shorter(safety, lifetime.dividedBy(2));
        Instant refreshFrom = expiresAt.minus(safety);
        return new AccessToken(jwt, refreshToken, refreshExpiresInSeconds.map(receivedAt::plusSeconds), receivedAt,
                expiresAt, refreshFrom, refreshFrom.plus(safety.dividedBy(2)));
    }

    private static Optional<Instant> earliest(Optional<Instant> first, Optional<Instant> second) {
        if (first.isPresent() && second.isPresent()) {
            return Optional.of(first.get().isBefore(second.get()) ? first.get() : second.get());
        }
        return first.isPresent() ? first : second;
    }

    private static Duration shorter(Duration first, Duration second) {
        return first.compareTo(second) <= 0 ? first : second;
    }
}
