package dev.bettybridge.token;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Holds the one access token of this process in a Caffeine {@link LoadingCache}: the entry lives until the token's
 * {@link AccessToken#useUntil()}, and however many callers miss at once, one load (one login) runs for all of them.
 */
public final class TokenCache {

    /** The name under which the cache is bound for the {@code caffeine-loadcache} endpoint. */
    public static final String CACHE_NAME = "bridgeToken";

    /** The single key: the bridge holds one token for one application and profile. */
    public static final String KEY = "access";

    private final LoadingCache<String, AccessToken> cache;

    /**
     * @param login obtains a fresh token; called by the cache on a miss, never concurrently for the key
     */
    public TokenCache(Supplier<AccessToken> login) {
        this.cache = Caffeine.newBuilder()
                .maximumSize(1)
                .expireAfter(new UntilUseEnds())
                .build(key -> login.get());
    }

    /** The cache itself, bound in Camel's registry under {@link #CACHE_NAME}. */
    public LoadingCache<String, AccessToken> cache() {
        return cache;
    }

    /**
     * Drops a token the server refused, but only while it is still the cached one, so that a token fetched
     * meanwhile by another exchange is not thrown away.
     *
     * @return whether the token was dropped
     */
    public boolean drop(AccessToken refused) {
        return cache.asMap().remove(KEY, refused);
    }

    /** Ends each entry at its token's own moment, which differs per login answer. */
    private static final class UntilUseEnds implements Expiry<String, AccessToken> {

        @Override
        public long expireAfterCreate(String key, AccessToken token, long currentTime) {
            return Math.max(0, Duration.between(Instant.now(), token.useUntil()).toNanos());
        }

        @Override
        public long expireAfterUpdate(String key, AccessToken token, long currentTime, long currentDuration) {
            return expireAfterCreate(key, token, currentTime);
        }

        @Override
        public long expireAfterRead(String key, AccessToken token, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
