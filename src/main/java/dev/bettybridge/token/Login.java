package dev.bettybridge.token;

import com.auth0.jwt.JWT;
import com.auth0.jwt.exceptions.JWTDecodeException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bettybridge.config.BridgeSettings;
import dev.bettybridge.config.Setting;
import dev.bettybridge.graphql.GraphqlBodies;
import dev.bettybridge.graphql.RuntimeAnswer;
import dev.bettybridge.logging.SecretValues;
import java.time.Instant;
import java.util.Optional;
import org.apache.camel.Exchange;

/**
 * The steps of the {@code login} and {@code refresh-token} routes: build the mutation, then read its answer into an
 * {@link AccessToken}.
 */
public final class Login {

    /** The exchange variable holding the token being renewed, for the {@code refresh-token} route. */
    static final String RENEWING = "bridgeRenewing";

    private final BridgeSettings settings;
    private final GraphqlBodies bodies;
    private final ObjectMapper mapper;
    private final TokenLifetime lifetime;

    public Login(BridgeSettings settings, GraphqlBodies bodies, ObjectMapper mapper, TokenLifetime lifetime) {
        this.settings = settings;
        this.bodies = bodies;
        this.mapper = mapper;
        this.lifetime = lifetime;
    }

    /** The login mutation with the configured profile and credentials as variables. */
    public byte[] request() {
        return bodies.login(settings.authProfileUuid(), settings.username(), settings.password());
    }

    /** The refresh mutation for the token in the body, which is kept aside for {@link #refreshAnswer}. */
    public byte[] refreshRequest(Exchange exchange) {
        AccessToken current = exchange.getMessage().getBody(AccessToken.class);
        exchange.setVariable(RENEWING, current);
        return bodies.refresh(current.refreshToken().orElseThrow(
                () -> new IllegalStateException("refresh-token route called for a token without refresh token")));
    }

    /**
     * Reads the login answer.
     *
     * @throws LoginFailedException when the server refused the login or gave no usable token; the message holds the
     *     server's reason and the settings involved, never their values
     */
    public AccessToken answer(Exchange exchange) {
        return read(exchange, "login", "login as '" + settings.username() + "'", Optional.empty());
    }

    /**
     * Reads the refresh answer; a server that does not rotate refresh tokens leaves the current one in use.
     *
     * @throws LoginFailedException when the server refused the refresh token or gave no usable token
     */
    public AccessToken refreshAnswer(Exchange exchange) {
        AccessToken current = exchange.getVariable(RENEWING, AccessToken.class);
        exchange.removeVariable(RENEWING);
        return read(exchange, "refreshToken", "token refresh", current.refreshToken());
    }

    private AccessToken read(Exchange exchange, String field, String what, Optional<String> keptRefreshToken) {
        Instant receivedAt = Instant.now();
        int status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        RuntimeAnswer answer = RuntimeAnswer.read(mapper, status, exchange.getMessage().getBody(byte[].class));
        if (!answer.succeeded()) {
            int code = answer.effectiveStatus();
            boolean unavailable = code == 429 || code >= 500;
            boolean credentials = !unavailable && field.equals("login");
            throw new LoginFailedException(what + (credentials ? " refused: " : " failed: ") + answer.reason()
                    + (credentials ? "; check " + Setting.USERNAME.environmentVariable() + ", "
                            + Setting.PASSWORD.environmentVariable() + " and "
                            + Setting.AUTH_PROFILE_UUID.environmentVariable() : ""), credentials);
        }
        JsonNode payload = answer.data(field).orElseThrow(
                () -> new LoginFailedException(what + ": the answer has no data." + field, field.equals("login")));
        String jwt = text(payload, "jwtToken").orElseThrow(
                () -> new LoginFailedException(what + ": the answer has no jwtToken (isValid: "
                        + payload.path("isValid").asText("absent") + ")", field.equals("login")));
        Optional<String> refreshToken = text(payload, "refreshToken").or(() -> keptRefreshToken);
        SecretValues.add(jwt);
        refreshToken.ifPresent(SecretValues::add);
        return lifetime.token(jwt, refreshToken, seconds(payload, "refreshExpiresIn"), receivedAt,
                seconds(payload, "accessExpiresIn"), expiryClaim(jwt));
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isEmpty() ? Optional.of(value.asText()) : Optional.empty();
    }

    private static Optional<Long> seconds(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.canConvertToLong() ? Optional.of(value.asLong()) : Optional.empty();
    }

    private static Optional<Instant> expiryClaim(String jwt) {
        try {
            return Optional.ofNullable(JWT.decode(jwt).getExpiresAtAsInstant());
        } catch (JWTDecodeException e) {
            // Not every server need send a JWT we can read; accessExpiresIn then decides alone.
            return Optional.empty();
        }
    }
}
