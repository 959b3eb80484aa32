package dev.bettybridge.token;

import com.auth0.jwt.JWT;
import com.auth0.jwt.exceptions.JWTDecodeException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bettybridge.config.BridgeSettings;
import dev.bettybridge.config.Setting;
import dev.bettybridge.graphql.GraphqlBodies;
import dev.bettybridge.graphql.RuntimeAnswer;
import java.time.Instant;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The steps of the {@code login} route: build the login mutation, then read its answer into an {@link AccessToken}. */
public final class Login {

    private static final Logger LOG = LoggerFactory.getLogger(Login.class);

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

    /** The request body: the login mutation with the configured profile and credentials as variables. */
    public byte[] request() {
        return bodies.login(settings.authProfileUuid(), settings.username(), settings.password());
    }

    /**
     * Reads the login answer.
     *
     * @throws LoginFailedException when the server refused the login or gave no usable token; the message holds the
     *     server's reason and the settings involved, never their values
     */
    public AccessToken answer(Exchange exchange) {
        Instant receivedAt = Instant.now();
        int status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        RuntimeAnswer answer = RuntimeAnswer.read(mapper, status, exchange.getMessage().getBody(byte[].class));
        if (!answer.succeeded()) {
            int code = answer.effectiveStatus();
            boolean unavailable = code == 429 || code >= 500;
            throw new LoginFailedException("login as '" + settings.username() + "' refused: " + answer.reason()
                    + (unavailable ? "" : "; check " + Setting.USERNAME.environmentVariable() + ", "
                            + Setting.PASSWORD.environmentVariable() + " and "
                            + Setting.AUTH_PROFILE_UUID.environmentVariable()), !unavailable);
        }
        JsonNode login = answer.data("login").orElseThrow(
                () -> new LoginFailedException("login answer has no data.login", true));
        String jwt = text(login, "jwtToken").orElseThrow(
                () -> new LoginFailedException("login answer has no jwtToken (isValid: "
                        + login.path("isValid").asText("absent") + ")", true));
        AccessToken token = lifetime.token(jwt, text(login, "refreshToken"), receivedAt,
                login.path("accessExpiresIn").canConvertToLong()
                        ? Optional.of(login.path("accessExpiresIn").asLong()) : Optional.empty(),
                expiryClaim(jwt));
        LOG.info("Logged in to '{}' as '{}': token expires at {}, used until {}", settings.runtimeUrl(),
                settings.username(), token.expiresAt(), token.useUntil());
        return token;
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isEmpty() ? Optional.of(value.asText()) : Optional.empty();
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
