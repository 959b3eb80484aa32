package dev.bettybridge.trigger;

import dev.bettybridge.config.BridgeSettings;
import dev.bettybridge.graphql.GraphqlBodies;
import dev.bettybridge.token.AccessToken;
import dev.bettybridge.token.CredentialsGate;
import dev.bettybridge.token.TokenCache;
import dev.bettybridge.token.TokenStats;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of the {@code trigger-action} and {@code call-action} routes: keep the request, build the mutation,
 * classify the answer and decide whether to call again (after a pause for a transient failure, or at once with a new
 * token after a 401, once).
 */
public final class ActionCall {

    static final String REQUEST = "bridgeRequest";
    static final String OUTCOME = "bridgeOutcome";
    static final String ATTEMPTS = "bridgeAttempts";
    static final String REAUTHENTICATED = "bridgeReauthenticated";
    static final String DELAY = "bridgeDelay";
    static final String AGAIN = "bridgeAgain";
    static final String TOKEN = "bridgeToken";
    static final String ANSWERED_AT = "bridgeAnsweredAt";

    private static final Logger LOG = LoggerFactory.getLogger(ActionCall.class);

    private final BridgeSettings settings;
    private final GraphqlBodies bodies;
    private final OutcomeClassifier classifier;
    private final TokenCache tokens;
    private final CredentialsGate gate;
    private final TokenStats stats;

    public ActionCall(BridgeSettings settings, GraphqlBodies bodies, OutcomeClassifier classifier, TokenCache tokens,
            CredentialsGate gate, TokenStats stats) {
        this.settings = settings;
        this.bodies = bodies;
        this.classifier = classifier;
        this.tokens = tokens;
        this.gate = gate;
        this.stats = stats;
    }

    /**
     * Starts a trigger: waits while the credentials are refused, then keeps the request aside while the body carries
     * HTTP payloads.
     *
     * @throws IllegalArgumentException when the body is not a {@link TriggerRequest}, a programming error of a source
     * @throws InterruptedException when the process stops while the sources are paused
     */
    public void begin(Exchange exchange) throws InterruptedException {
        gate.awaitOpen();
        Object body = exchange.getMessage().getBody();
        if (!(body instanceof TriggerRequest request)) {
            throw new IllegalArgumentException("direct:trigger expects a TriggerRequest, got "
                    + (body == null ? "null" : body.getClass().getName()));
        }
        exchange.setVariable(REQUEST, request);
        exchange.setVariable(ATTEMPTS, 0);
        exchange.setVariable(AGAIN, true);
        exchange.setVariable(DELAY, 0L);
        exchange.removeVariable(OUTCOME);
        exchange.removeVariable(REAUTHENTICATED);
    }

    /**
     * Decides after a call whether to call again, leaving the answer in the {@code bridgeAgain} variable that the
     * route's loop reads, and the pause before that call in {@code bridgeDelay}. A step of its own, not the loop's
     * predicate, because Camel evaluates a bean predicate on a copy of the exchange.
     *
     * @throws InterruptedException when the process stops while the sources are paused
     */
    public void decide(Exchange exchange) throws InterruptedException {
        exchange.setVariable(ATTEMPTS, exchange.getVariable(ATTEMPTS, 0, Integer.class) + 1);
        exchange.setVariable(DELAY, 0L);
        exchange.setVariable(AGAIN, again(exchange));
    }

    private boolean again(Exchange exchange) throws InterruptedException {
        ActionOutcome outcome = exchange.getVariable(OUTCOME, ActionOutcome.class);
        int attempts = exchange.getVariable(ATTEMPTS, 0, Integer.class);
        TriggerRequest request = exchange.getVariable(REQUEST, TriggerRequest.class);
        switch (outcome.kind()) {
            case REAUTHENTICATE:
                if (exchange.getVariable(REAUTHENTICATED, false, Boolean.class)) {
                    exchange.setVariable(OUTCOME, ActionOutcome.failed("not authorized: " + outcome.reason()));
                    return false;
                }
                exchange.setVariable(REAUTHENTICATED, true);
                Instant refusedAt = exchange.getVariable(ANSWERED_AT, Instant.class);
                if (tokens.dropIfOlderThan(refusedAt == null ? Instant.now() : refusedAt)) {
                    stats.reloginAfter401();
                }
                LOG.info("Token refused for {} ({}): logging in again and calling once more", request.origin(),
                        outcome.reason());
                return true;
            case CREDENTIALS_REFUSED:
                // Not a failure of this URL: wait with every other call until a login works again.
                exchange.setVariable(ATTEMPTS, attempts - 1);
                gate.awaitOpen();
                return true;
            case RETRY:
                if (attempts >= settings.retryAttempts()) {
                    exchange.setVariable(OUTCOME, ActionOutcome.failed(outcome.reason() + " (gave up after "
                            + attempts + " attempts)"));
                    return false;
                }
                Duration pause = pause(attempts, outcome);
                exchange.setVariable(DELAY, pause.toMillis());
                LOG.info("Calling again for {} in {} ms (attempt {} of {}): {}", request.origin(), pause.toMillis(),
                        attempts + 1, settings.retryAttempts(), outcome.reason());
                return true;
            default:
                return false;
        }
    }

    /** Puts the bearer token of the cached login on the message; the header goes to the runtime API only. */
    public void authorize(Exchange exchange) {
        AccessToken token = exchange.getVariable(TOKEN, AccessToken.class);
        exchange.getMessage().setHeader("Authorization", token.bearer());
    }

    /** Replaces the body with the action mutation for the kept request. */
    public void request(Exchange exchange) {
        TriggerRequest request = exchange.getVariable(REQUEST, TriggerRequest.class);
        Map<String, Object> input = new LinkedHashMap<>(request.extraInput());
        input.put(settings.inputName(), request.url());
        exchange.getMessage().setBody(bodies.action(settings.actionQuery(), settings.actionId(), input));
    }

    /** Classifies the HTTP answer in the body and headers. */
    public void answer(Exchange exchange) {
        exchange.setVariable(ANSWERED_AT, Instant.now());
        Message message = exchange.getMessage();
        exchange.setVariable(OUTCOME, classifier.answer(
                message.getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class),
                message.getHeader("Retry-After", String.class),
                message.getBody(byte[].class)));
    }

    /** Classifies the exception caught instead of an answer. */
    public void failure(Exchange exchange) {
        Throwable caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        exchange.setVariable(OUTCOME, classifier.failure(caught));
    }

    /** Ends a trigger: the body becomes the {@link ActionOutcome}, and nothing of the call stays on the exchange. */
    public ActionOutcome finish(Exchange exchange) {
        ActionOutcome outcome = exchange.getVariable(OUTCOME, ActionOutcome.class);
        TriggerRequest request = exchange.getVariable(REQUEST, TriggerRequest.class);
        for (String name : new String[] {REQUEST, OUTCOME, ATTEMPTS, REAUTHENTICATED, DELAY, AGAIN, TOKEN,
                ANSWERED_AT}) {
            exchange.removeVariable(name);
        }
        exchange.getMessage().removeHeaders("*");
        if (outcome.triggered()) {
            LOG.debug("Triggered the action for {}", request.origin());
        }
        return outcome;
    }

    private Duration pause(int attempts, ActionOutcome outcome) {
        long doubled = settings.retryFirstDelay().toMillis() << Math.min(20, Math.max(0, attempts - 1));
        Duration backoff = Duration.ofMillis(Math.min(doubled, settings.retryMaxDelay().toMillis()));
        Duration asked = outcome.retryAfter().orElse(Duration.ZERO);
        return asked.compareTo(backoff) > 0 ? asked : backoff;
    }
}
