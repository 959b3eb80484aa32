package dev.bettybridge.token;

import com.github.benmanes.caffeine.cache.CacheLoader;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the one access token of this process in a Caffeine {@link LoadingCache}. However many callers miss at once,
 * one load (one login) runs for all of them. Once a token enters its margin, the first caller to notice starts one
 * background renewal, and every caller keeps the still-valid token meanwhile; halfway through the margin the entry
 * ends, so that nobody sends a token about to expire.
 */
public final class TokenCache {

    /** The name under which the cache is bound for the {@code caffeine-loadcache} endpoint. */
    public static final String CACHE_NAME = "bridgeToken";

    /** The single key: the bridge holds one token for one application and profile. */
    public static final String KEY = "access";

    private static final Logger LOG = LoggerFactory.getLogger(TokenCache.class);

    private final LoadingCache<String, AccessToken> cache;
    private final Clock clock;
    private volatile AccessToken renewalFailed;

    /**
     * @param source logs in and renews; never called concurrently for loading, nor for renewing
     * @param executor runs background renewals
     */
    public TokenCache(TokenSource source, Executor executor, Clock clock) {
        this.clock = clock;
        this.cache = Caffeine.newBuilder()
                .maximumSize(1)
                .executor(executor)
                .expireAfter(new UntilDropped(clock))
                .build(new CacheLoader<String, AccessToken>() {
                    @Override
                    public AccessToken load(String key) {
                        return source.login();
                    }

                    @Override
                    public AccessToken reload(String key, AccessToken current) {
                        AccessToken latest = cache.asMap().get(KEY);
                        if (latest != null && latest != current) {
                            // Renewed or replaced meanwhile; with rotating refresh tokens, renewing the old one again
                            // would be refused.
                            return latest;
                        }
                        try {
                            return source.renew(current);
                        } catch (RuntimeException e) {
                            // The current token is still valid until its drop moment; after that a caller's miss
                            // logs in again. Trying to renew on every call meanwhile would only load the server.
                            renewalFailed = current;
                            LOG.warn("Renewing the token ahead of time failed: {}; the current token stays in use"
                                    + " until {}", e.getMessage(), current.dropAt());
                            return current;
                        }
                    }
                });
    }

    /** The cache itself, bound in Camel's registry under {@link #CACHE_NAME}. */
    public LoadingCache<String, AccessToken> cache() {
        return cache;
    }

    /**
     * Hands back the token a caller got from the cache, first starting its background renewal when it has entered
     * its margin and is still the cached one (a caller holding a token that was renewed meanwhile must not renew
     * the new one). Caffeine runs one renewal per key however many callers ask.
     */
    public AccessToken renewIfDue(AccessToken token) {
        if (token != renewalFailed && !clock.instant().isBefore(token.refreshFrom())
                && cache.getIfPresent(KEY) == token) {
            cache.refresh(KEY);
        }
        return token;
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

    /** Ends each entry at its token's own drop moment, which differs per answer. */
    private static final class UntilDropped implements Expiry<String, AccessToken> {

        private final Clock clock;

        UntilDropped(Clock clock) {
            this.clock = clock;
        }

        @Override
        public long expireAfterCreate(String key, AccessToken token, long currentTime) {
            return Math.max(0, Duration.between(clock.instant(), token.dropAt()).toNanos());
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
