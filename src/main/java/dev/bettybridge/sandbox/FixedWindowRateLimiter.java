package dev.bettybridge.sandbox;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Counts requests in fixed one-minute windows; a window opens with the first request after the previous one closed.
 */
final class FixedWindowRateLimiter {

    private static final long WINDOW_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final int limitPerWindow;
    private final LongSupplier nanoTime;
    private long windowStart;
    private int used;
    private boolean windowOpen;

    /**
     * Creates a limiter.
     *
     * @param limitPerWindow requests allowed per window, 0 for no limit
     * @param nanoTime       a monotonic clock, {@code System::nanoTime} outside tests
     */
    FixedWindowRateLimiter(int limitPerWindow, LongSupplier nanoTime) {
        this.limitPerWindow = limitPerWindow;
        this.nanoTime = nanoTime;
    }

    /**
     * Admits one request or refuses it.
     *
     * @return 0 when admitted, otherwise the whole seconds (at least 1) until the current window ends
     */
    synchronized long acquire() {
        if (limitPerWindow <= 0) {
            return 0;
        }
        long now = nanoTime.getAsLong();
        if (!windowOpen || now - windowStart >= WINDOW_NANOS) {
            windowOpen = true;
            windowStart = now;
            used = 0;
        }
        if (used < limitPerWindow) {
            used++;
            return 0;
        }
        long remainingNanos = WINDOW_NANOS - (now - windowStart);
        return Math.max(1, (remainingNanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1));
    }
}
