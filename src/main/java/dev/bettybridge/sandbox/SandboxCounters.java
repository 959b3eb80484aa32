package dev.bettybridge.sandbox;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** Thread-safe counters behind {@link SandboxStats}. */
final class SandboxCounters {

    private final LongAdder logins = new LongAdder();
    private final LongAdder refreshes = new LongAdder();
    // An AtomicLong, not a LongAdder, because revoke-every needs the exact ordinal of each call.
    private final AtomicLong actionCalls = new AtomicLong();
    private final LongAdder rejected401 = new LongAdder();
    private final LongAdder injectedFailures = new LongAdder();
    private final LongAdder throttled = new LongAdder();

    void login() {
        logins.increment();
    }

    void refresh() {
        refreshes.increment();
    }

    /** Counts an action call and returns its ordinal, starting at 1. */
    long actionCall() {
        return actionCalls.incrementAndGet();
    }

    void rejected401() {
        rejected401.increment();
    }

    void injectedFailure() {
        injectedFailures.increment();
    }

    void throttled() {
        throttled.increment();
    }

    SandboxStats snapshot() {
        return new SandboxStats(logins.sum(), refreshes.sum(), actionCalls.get(), rejected401.sum(),
                injectedFailures.sum(), throttled.sum());
    }
}
