package dev.bettybridge.sandbox;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.exceptions.TokenExpiredException;
import com.auth0.jwt.interfaces.DecodedJWT;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Issues, checks, rotates and revokes the sandbox's tokens: HMAC-256 JWTs as access tokens and opaque random refresh
 * tokens, all held in memory and valid only for this instance's secret.
 */
final class TokenIssuer {

    static final String APP_UUID_CLAIM = "app_uuid";
    static final String AUTH_PROFILE_CLAIM = "auth_profile";

    private static final int SECRET_BYTES = 32;
    private static final int REFRESH_TOKEN_BYTES = 32;
    // Above this many remembered tokens, expired ones are forgotten so a long benchmark does not grow the heap.
    private static final int PRUNE_THRESHOLD = 4096;
    private static final String BEARER = "bearer ";

    private final SandboxConfig config;
    private final Clock clock;
    private final Algorithm algorithm;
    private final JWTVerifier verifier;
    private final SecureRandom random = new SecureRandom();
    // Access tokens by jti, with their expiry; a revoked jti moves from live to revoked.
    private final Map<String, Instant> liveAccess = new HashMap<>();
    private final Map<String, Instant> revokedAccess = new HashMap<>();
    // Refresh tokens are keyed by their SHA-256, so the heap does not hold them in the clear.
    private final Map<String, RefreshGrant> refreshGrants = new HashMap<>();
    private final Map<String, RetiredRefresh> retiredRefresh = new HashMap<>();

    /**
     * Creates an issuer.
     *
     * @param config the app, profile and lifetimes that tokens are bound to
     * @param secret the HMAC key, at least 32 bytes
     * @param clock  the time for iat, exp and refresh expiry
     */
    TokenIssuer(SandboxConfig config, byte[] secret, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.algorithm = Algorithm.HMAC256(secret.clone());
        JWTVerifier.BaseVerification verification = (JWTVerifier.BaseVerification) JWT.require(algorithm)
                .withClaimPresence("exp")
                .withClaimPresence("jti");
        this.verifier = verification.build(clock);
    }

    /** Returns a fresh random HMAC key. */
    static byte[] randomSecret() {
        byte[] secret = new byte[SECRET_BYTES];
        new SecureRandom().nextBytes(secret);
        return secret;
    }

    /**
     * Issues an access token and a new refresh token for the user.
     *
     * @param username the JWT subject
     * @return the tokens and their lifetimes
     */
    synchronized IssuedTokens issue(String username) {
        pruneIfLarge();
        // JWT times are whole seconds; exp - iat equals accessExpiresIn exactly.
        Instant issuedAt = Instant.ofEpochSecond(clock.instant().getEpochSecond());
        long accessSeconds = config.tokenLifetime().getSeconds();
        Instant accessExpiresAt = issuedAt.plusSeconds(accessSeconds);
        String jti = UUID.randomUUID().toString();
        String jwt = JWT.create()
                .withSubject(username)
                .withClaim(APP_UUID_CLAIM, config.appUuid())
                .withClaim(AUTH_PROFILE_CLAIM, config.authProfileUuid())
                .withIssuedAt(issuedAt)
                .withExpiresAt(accessExpiresAt)
                .withJWTId(jti)
                .sign(algorithm);
        liveAccess.put(jti, accessExpiresAt);

        long refreshSeconds = config.refreshLifetime().getSeconds();
        Instant refreshExpiresAt = issuedAt.plusSeconds(refreshSeconds);
        String refreshToken = randomToken(REFRESH_TOKEN_BYTES);
        refreshGrants.put(hash(refreshToken), new RefreshGrant(randomHex(16), username, refreshExpiresAt));
        return new IssuedTokens(jwt, refreshToken, accessSeconds, accessExpiresAt, refreshSeconds, refreshExpiresAt);
    }

    /**
     * Exchanges a refresh token for a new access token and a new refresh token; the old refresh token is retired.
     *
     * @param refreshToken the refresh token from an earlier login or refresh
     * @return the new tokens
     * @throws RuntimeApiException with statusCode 401 when the refresh token is unknown, used, revoked or expired
     */
    synchronized IssuedTokens refresh(String refreshToken) {
        String key = hash(refreshToken);
        RefreshGrant grant = refreshGrants.remove(key);
        if (grant == null) {
            RetiredRefresh retired = retiredRefresh.get(key);
            throw unauthorized(retired == null ? "Not authorized: invalid refresh token" : retired.reason());
        }
        if (!grant.expiresAt().isAfter(clock.instant())) {
            throw unauthorized("Not authorized: refresh token expired");
        }
        retiredRefresh.put(key, new RetiredRefresh("Not authorized: refresh token already used", grant.expiresAt()));
        return issue(grant.username());
    }

    /**
     * Revokes one refresh token.
     *
     * @param refreshToken the token to revoke
     * @return the revoked token's id, or empty when no such token was live
     */
    synchronized Optional<String> revokeRefresh(String refreshToken) {
        String key = hash(refreshToken);
        RefreshGrant grant = refreshGrants.remove(key);
        if (grant == null) {
            return Optional.empty();
        }
        retiredRefresh.put(key, new RetiredRefresh("Not authorized: refresh token revoked", grant.expiresAt()));
        return Optional.of(grant.refreshId());
    }

    /** Makes every access and refresh token issued so far invalid; tokens issued later are not affected. */
    synchronized void revokeAll() {
        revokedAccess.putAll(liveAccess);
        liveAccess.clear();
        for (Map.Entry<String, RefreshGrant> entry : refreshGrants.entrySet()) {
            retiredRefresh.put(entry.getKey(),
                    new RetiredRefresh("Not authorized: refresh token revoked", entry.getValue().expiresAt()));
        }
        refreshGrants.clear();
    }

    /**
     * Checks an {@code Authorization} header for a live access token of this app and profile.
     *
     * @param authorization the header value, or null when absent
     * @throws RuntimeApiException with statusCode 401 when the token is missing, malformed, badly signed, expired,
     *                             revoked, or made for another app or authentication profile
     */
    void authorize(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw unauthorized("Not authorized: no token");
        }
        String header = authorization.trim();
        if (!header.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
            throw unauthorized("Not authorized: invalid token");
        }
        String token = header.substring(BEARER.length()).trim();
        if (token.isEmpty()) {
            throw unauthorized("Not authorized: no token");
        }

        DecodedJWT jwt;
        try {
            jwt = verifier.verify(token);
        } catch (TokenExpiredException e) {
            throw unauthorized("Not authorized: token expired");
        } catch (JWTVerificationException e) {
            // The library's message is not passed on: it can quote parts of the token.
            throw unauthorized("Not authorized: invalid token");
        }
        if (!config.appUuid().equals(jwt.getClaim(APP_UUID_CLAIM).asString())) {
            throw unauthorized("Not authorized: token for another application");
        }
        if (!config.authProfileUuid().equals(jwt.getClaim(AUTH_PROFILE_CLAIM).asString())) {
            throw unauthorized("Not authorized: token for another authentication profile");
        }
        checkLive(jwt.getId());
    }

    private synchronized void checkLive(String jti) {
        if (revokedAccess.containsKey(jti)) {
            throw unauthorized("Not authorized: token revoked");
        }
        if (!liveAccess.containsKey(jti)) {
            throw unauthorized("Not authorized: invalid token");
        }
    }

    private void pruneIfLarge() {
        if (liveAccess.size() + revokedAccess.size() + refreshGrants.size() + retiredRefresh.size()
                < PRUNE_THRESHOLD) {
            return;
        }
        Instant now = clock.instant();
        liveAccess.values().removeIf(expiry -> !expiry.isAfter(now));
        revokedAccess.values().removeIf(expiry -> !expiry.isAfter(now));
        refreshGrants.values().removeIf(grant -> !grant.expiresAt().isAfter(now));
        retiredRefresh.values().removeIf(retired -> !retired.expiresAt().isAfter(now));
    }

    private String randomToken(int bytes) {
        byte[] raw = new byte[bytes];
        random.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    private String randomHex(int bytes) {
        byte[] raw = new byte[bytes];
        random.nextBytes(raw);
        return HexFormat.of().formatHex(raw);
    }

    private static String hash(String token) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256.
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static RuntimeApiException unauthorized(String message) {
        return new RuntimeApiException(401, message);
    }

    /** Tokens handed out by a login or refresh. */
    record IssuedTokens(String jwtToken, String refreshToken, long accessExpiresIn, Instant accessExpiresAt,
                        long refreshExpiresIn, Instant refreshExpiresAt) {

        /** Masks both tokens, so a stray log line cannot leak them. */
        @Override
        public String toString() {
            return "IssuedTokens[jwtToken=****, refreshToken=****, accessExpiresAt=" + accessExpiresAt
                    + ", refreshExpiresAt=" + refreshExpiresAt + "]";
        }
    }

    private record RefreshGrant(String refreshId, String username, Instant expiresAt) {
    }

    private record RetiredRefresh(String reason, Instant expiresAt) {
    }
}
