package dev.bettybridge.token;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gets tokens by running the {@code login} and {@code refresh-token} routes; the token cache calls it on a miss and
 * for renewals. A refused login closes the {@link CredentialsGate}.
 */
public final class LoginRoute implements TokenSource {

    private static final Logger LOG = LoggerFactory.getLogger(LoginRoute.class);

    private final CamelContext context;
    private final CredentialsGate gate;
    private final TokenStats stats;
    private final Clock clock;
    private volatile ProducerTemplate template;

    public LoginRoute(CamelContext context, CredentialsGate gate, TokenStats stats, Clock clock) {
        this.context = context;
        this.gate = gate;
        this.stats = stats;
        this.clock = clock;
    }

    @Override
    public AccessToken login() {
        try {
            AccessToken token = run("direct:login", null);
            stats.login();
            LOG.info("Logged in: token expires at {}, renewed from {}", millis(token.expiresAt()),
                    millis(token.refreshFrom()));
            return token;
        } catch (LoginFailedException e) {
            stats.loginFailure();
            if (e.refused()) {
                gate.refused(e.getMessage());
            }
            throw e;
        }
    }

    @Override
    public AccessToken renew(AccessToken current) {
        if (current.refreshable(clock.instant())) {
            try {
                AccessToken token = run("direct:refresh-token", current);
                stats.refresh();
                LOG.info("Refreshed the token: expires at {}, renewed from {}", millis(token.expiresAt()),
                        millis(token.refreshFrom()));
                return token;
            } catch (RuntimeException e) {
                stats.loginFailure();
                LOG.info("Token refresh failed ({}); logging in instead", e.getMessage());
            }
        }
        return login();
    }

    private static Instant millis(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }

    private AccessToken run(String endpoint, AccessToken body) {
        try {
            return template().requestBody(endpoint, body, AccessToken.class);
        } catch (CamelExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private ProducerTemplate template() {
        ProducerTemplate current = template;
        if (current == null) {
            synchronized (this) {
                if (template == null) {
                    template = context.createProducerTemplate();
                }
                current = template;
            }
        }
        return current;
    }
}
