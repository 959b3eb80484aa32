package dev.bettybridge.sandbox;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/** Applies the configured transport faults to a request: latency first, then injected failures, then the rate limit. */
final class FaultInjector {

    private final Duration latency;
    private final double failureRate;
    private final DoubleSupplier random;
    private final FixedWindowRateLimiter rateLimiter;

    FaultInjector(SandboxConfig config, FixedWindowRateLimiter rateLimiter) {
        this(config.latency(), config.failureRate(), () -> ThreadLocalRandom.current().nextDouble(), rateLimiter);
    }

    FaultInjector(Duration latency, double failureRate, DoubleSupplier random, FixedWindowRateLimiter rateLimiter) {
        this.latency = latency;
        this.failureRate = failureRate;
        this.random = random;
        this.rateLimiter = rateLimiter;
    }

    /**
     * Sleeps for the configured latency, blocking the calling thread as a slow server would.
     *
     * @throws InterruptedException when the server is stopping
     */
    void delay() throws InterruptedException {
        if (!latency.isZero()) {
            Thread.sleep(latency.toMillis(), latency.toNanosPart() % 1_000_000);
        }
    }

    /** Decides whether this request gets an injected HTTP 503. */
    boolean injectFailure() {
        // nextDouble() is below 1.0, so a rate of 1.0 always fails and 0.0 never does.
        return failureRate > 0 && random.getAsDouble() < failureRate;
    }

    /**
     * Counts this request against the rate limit.
     *
     * @return 0 when admitted, otherwise the seconds for {@code Retry-After}
     */
    long throttle() {
        return rateLimiter.acquire();
    }
}
