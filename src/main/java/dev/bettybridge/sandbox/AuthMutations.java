package dev.bettybridge.sandbox;

import graphql.schema.DataFetchingEnvironment;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Data fetchers of {@code login}, {@code refreshToken} and {@code revokeRefreshToken}.
 *
 * <p>An unknown authentication profile is answered with statusCode 401 (message {@code Unknown authentication
 * profile}): Betty's own test doubles use that message without a public status, and 401 keeps every login refusal in
 * one class for clients.
 */
final class AuthMutations {

    static final String WRONG_CREDENTIALS = "Wrong credentials, please try again";
    static final String UNKNOWN_PROFILE = "Unknown authentication profile";

    private final SandboxConfig config;
    private final TokenIssuer tokens;
    private final SandboxCounters counters;

    AuthMutations(SandboxConfig config, TokenIssuer tokens, SandboxCounters counters) {
        this.config = config;
        this.tokens = tokens;
        this.counters = counters;
    }

    /**
     * Logs the configured user in.
     *
     * @throws RuntimeApiException 401 for an unknown profile or wrong credentials
     */
    Map<String, Object> login(DataFetchingEnvironment env) {
        String profile = env.getArgument("authProfileUuid");
        if (!config.authProfileUuid().equals(profile)) {
            throw new RuntimeApiException(401, UNKNOWN_PROFILE);
        }
        // Both checks always run, in constant time, so timing does not tell which one failed.
        boolean userMatches = constantTimeEquals(config.username(), env.getArgument("username"));
        boolean passwordMatches = constantTimeEquals(config.password(), env.getArgument("password"));
        if (!userMatches || !passwordMatches) {
            throw new RuntimeApiException(401, WRONG_CREDENTIALS);
        }
        TokenIssuer.IssuedTokens issued = tokens.issue(config.username());
        counters.login();
        return payload(issued);
    }

    /**
     * Exchanges a refresh token for new tokens; the refresh token rotates.
     *
     * @throws RuntimeApiException 401 when the refresh token is unknown, used, revoked or expired
     */
    Map<String, Object> refreshToken(DataFetchingEnvironment env) {
        TokenIssuer.IssuedTokens issued = tokens.refresh(env.getArgument("token"));
        counters.refresh();
        return payload(issued);
    }

    /** Revokes a refresh token; {@code removed} is false when it was not live. */
    Map<String, Object> revokeRefreshToken(DataFetchingEnvironment env) {
        Optional<String> refreshId = tokens.revokeRefresh(env.getArgument("token"));
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("refreshId", refreshId.orElse(null));
        payload.put("removed", refreshId.isPresent());
        return payload;
    }

    private static Map<String, Object> payload(TokenIssuer.IssuedTokens issued) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("jwtToken", issued.jwtToken());
        payload.put("refreshToken", issued.refreshToken());
        payload.put("accessExpiresIn", clampToInt(issued.accessExpiresIn()));
        payload.put("accessExpiresAt", issued.accessExpiresAt().toString());
        payload.put("refreshExpiresIn", clampToInt(issued.refreshExpiresIn()));
        payload.put("refreshExpiresAt", issued.refreshExpiresAt().toString());
        payload.put("isValid", true);
        return payload;
    }

    private static int clampToInt(long seconds) {
        return (int) Math.min(seconds, Integer.MAX_VALUE);
    }

    private static boolean constantTimeEquals(String expected, String actual) {
        if (actual == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                actual.getBytes(StandardCharsets.UTF_8));
    }
}
