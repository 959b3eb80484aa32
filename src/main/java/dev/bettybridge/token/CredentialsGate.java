package dev.bettybridge.token;

import dev.bettybridge.config.Setting;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pauses every source while the runtime API refuses the configured credentials: calls wait here instead of failing,
 * so files stay in the inbox and messages in the queue. A background login is tried at a fixed pace; when one
 * succeeds, the waiting calls go on by themselves.
 */
public final class CredentialsGate {

    private static final Logger LOG = LoggerFactory.getLogger(CredentialsGate.class);

    private final ScheduledExecutorService scheduler;
    private final Duration pace;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition reopened = lock.newCondition();
    private Supplier<AccessToken> probe;
    private String reason;

    /**
     * @param scheduler runs the background logins
     * @param pace the pause between two background logins
     */
    public CredentialsGate(ScheduledExecutorService scheduler, Duration pace) {
        this.scheduler = scheduler;
        this.pace = pace;
    }

    /** Sets how a background login is tried: normally a read of the token cache, which logs in on a miss. */
    public void probeWith(Supplier<AccessToken> login) {
        this.probe = login;
    }

    /** Whether calls may go on; false while the credentials are refused. */
    public boolean open() {
        lock.lock();
        try {
            return reason == null;
        } finally {
            lock.unlock();
        }
    }

    /** Why the gate is closed, or null. */
    public String reason() {
        lock.lock();
        try {
            return reason;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Closes the gate after the server refused the credentials. Logged once at ERROR per closing, with the server's
     * message and the settings involved, never their values.
     */
    public void refused(String why) {
        lock.lock();
        try {
            if (reason != null) {
                return;
            }
            reason = why;
        } finally {
            lock.unlock();
        }
        LOG.error("Sources paused: {}. Files stay in the inbox and messages in the queue; login is tried again every"
                + " {} s (setting '{}')", why, pace.toSeconds(), Setting.LOGIN_RETRY.key());
        scheduler.schedule(this::tryAgain, pace.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Waits while the gate is closed.
     *
     * @throws InterruptedException when the process stops meanwhile
     */
    public void awaitOpen() throws InterruptedException {
        lock.lock();
        try {
            while (reason != null) {
                reopened.await();
            }
        } finally {
            lock.unlock();
        }
    }

    private void tryAgain() {
        try {
            probe.get();
        } catch (RuntimeException e) {
            LOG.debug("Login still refused: {}", e.getMessage());
            scheduler.schedule(this::tryAgain, pace.toMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        lock.lock();
        try {
            reason = null;
            reopened.signalAll();
        } finally {
            lock.unlock();
        }
        LOG.info("Login accepted again: sources resume");
    }
}
