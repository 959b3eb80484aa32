package dev.bettybridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The per-minute fixed window, on a clock the test moves by hand. */
class FixedWindowRateLimiterTest {

    private final AtomicLong nanos = new AtomicLong(1_000);

    @Test
    void should_refuse_with_the_seconds_left_when_the_window_is_full() {
        FixedWindowRateLimiter limiter = new FixedWindowRateLimiter(2, nanos::get);

        long first = limiter.acquire();
        long second = limiter.acquire();
        advance(59_500);
        long third = limiter.acquire();

        assertThat(first).as("admitted").isZero();
        assertThat(second).as("admitted").isZero();
        assertThat(third).as("half a second left rounds up to 1").isEqualTo(1);
    }

    @Test
    void should_admit_again_when_a_new_window_starts() {
        FixedWindowRateLimiter limiter = new FixedWindowRateLimiter(1, nanos::get);
        limiter.acquire();
        assertThat(limiter.acquire()).as("full, a minute left").isEqualTo(60);
        advance(60_000);

        long next = limiter.acquire();

        assertThat(next).as("a new window").isZero();
    }

    @Test
    void should_admit_everything_when_the_limit_is_0() {
        FixedWindowRateLimiter limiter = new FixedWindowRateLimiter(0, nanos::get);

        for (int i = 0; i < 1_000; i++) {
            assertThat(limiter.acquire()).as("no limit").isZero();
        }
    }

    private void advance(long millis) {
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }
}
