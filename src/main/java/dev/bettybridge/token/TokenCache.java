package dev.bettybridge.token;

import com.github.benmanes.caffeine.cache.CacheLoader;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
    // Renewals run one at a time on the cache's executor; these remember the last one.
    private volatile AccessToken renewedFrom;
    private volatile AccessToken renewedTo;

    /**
     * @param source logs in and renews; never called concurrently for loading, nor for renewing
     * @param executor runs background renewals; it must run one task at a time
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
                            return latest;
                        }
                        if (current == renewedFrom) {
                            // Renewed already, and the cache has not installed the result yet: with rotating refresh
                            // tokens, renewing the same token again would be refused.
                            return renewedTo;
                        }
                        try {
                            AccessToken renewed = source.renew(current);
                            renewedTo = renewed;
                            renewedFrom = current;
                            return renewed;
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
        if (token != renewalFailed && token != renewedFrom && !clock.instant().isBefore(token.refreshFrom())
                && cache.getIfPresent(KEY) == token) {
            cache.refresh(KEY);
        }
        return token;
    }

    /**
     * Drops the cached token after the server refused a token with 401, unless the cached one arrived after that
     * refusal: a token fetched meanwhile by another call is never thrown away, while one obtained before the refusal
     * (the refused token itself, or a renewal the same revocation may have hit) is.
     *
     * @param refusedAt when the 401 answer arrived
     * @return whether a token was dropped
     */
    public boolean dropIfOlderThan(Instant refusedAt) {
        boolean[] dropped = new boolean[1];
        cache.asMap().computeIfPresent(KEY, (key, cached) -> {
            dropped[0] = cached.receivedAt().isBefore(refusedAt);
            return dropped[0] ? null : cached;
        });
        return dropped[0];
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
