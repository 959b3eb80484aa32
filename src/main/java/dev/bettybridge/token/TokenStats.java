package dev.bettybridge.token;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;

/** Counts what happens to the login token, for the log and the metrics endpoint. */
public final class TokenStats {

    private final AtomicLong logins = new AtomicLong();
    private final AtomicLong refreshes = new AtomicLong();
    private final AtomicLong reloginsAfter401 = new AtomicLong();
    private final AtomicLong loginFailures = new AtomicLong();

    void login() {
        logins.incrementAndGet();
    }

    void refresh() {
        refreshes.incrementAndGet();
    }

    void loginFailure() {
        loginFailures.incrementAndGet();
    }

    /** Counts a token the runtime API refused with 401 and that was therefore dropped. */
    public void reloginAfter401() {
        reloginsAfter401.incrementAndGet();
    }

    public long logins() {
        return logins.get();
    }

    public long refreshes() {
        return refreshes.get();
    }

    public long reloginsAfter401() {
        return reloginsAfter401.get();
    }

    public long loginFailures() {
        return loginFailures.get();
    }

    /** Publishes the counters as {@code bridge_token_*_total} on a metrics registry. */
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("bridge.token.logins", logins, AtomicLong::get)
                .description("Full logins with the configured credentials").register(registry);
        FunctionCounter.builder("bridge.token.refreshes", refreshes, AtomicLong::get)
                .description("Tokens renewed with the refresh token").register(registry);
        FunctionCounter.builder("bridge.token.relogins.after.401", reloginsAfter401, AtomicLong::get)
                .description("Tokens dropped after the runtime API answered 401").register(registry);
        FunctionCounter.builder("bridge.token.login.failures", loginFailures, AtomicLong::get)
                .description("Logins and refreshes that gave no token").register(registry);
    }
}
