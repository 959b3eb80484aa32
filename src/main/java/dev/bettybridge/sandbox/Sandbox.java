package dev.bettybridge.sandbox;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local, in-memory stand-in of the Betty Blocks GraphQL runtime API of one application, served over HTTP on
 * 127.0.0.1 only; it is not Betty Blocks and forwards nothing anywhere.
 *
 * <p>It knows one authentication profile with one user, and one action that stores its input as a
 * {@link SandboxRecord}. It can add latency, HTTP 503 failures, a rate limit and token revocation to rehearse the
 * failures of the real service. All methods are thread-safe.
 */
public final class Sandbox implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Sandbox.class);

    private static final byte[] LOOPBACK = {127, 0, 0, 1};
    // Room for many clients connecting at once; the default backlog of 50 would drop a burst of 64.
    private static final int BACKLOG = 512;
    private static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";

    static {
        // The JDK server writes headers and body as separate packets; with Nagle's algorithm on, each answer then
        // waits for the client's delayed ACK (about 40 ms on Linux), which would distort every benchmark. The JDK
        // reads this property once, when its first server starts, so it is set here unless the user chose a value.
        if (System.getProperty(NODELAY_PROPERTY) == null) {
            System.setProperty(NODELAY_PROPERTY, "true");
        }
    }

    private final SandboxConfig config;
    private final URI baseUrl;
    private final URI runtimeUrl;
    private final HttpServer server;
    private final ExecutorService executor;
    private final RecordStore records;
    private final SandboxCounters counters;
    private final TokenIssuer tokens;
    private final RuntimeHandler handler;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Sandbox(SandboxConfig config, HttpServer server, byte[] jwtSecret) {
        this.config = config;
        this.server = server;
        this.baseUrl = URI.create("http://127.0.0.1:" + config.port());
        this.runtimeUrl = URI.create(baseUrl + "/api/runtime/" + config.appUuid());
        Clock clock = Clock.systemUTC();
        this.records = new RecordStore(clock);
        this.counters = new SandboxCounters();
        this.tokens = new TokenIssuer(config, jwtSecret, clock);
        GraphQlEndpoint endpoint = new GraphQlEndpoint(RuntimeSchema.build(
                new AuthMutations(config, tokens, counters),
                new ActionMutation(config, tokens, records, counters),
                new RecordQueries(records)), counters);
        FaultInjector faults = new FaultInjector(config,
                new FixedWindowRateLimiter(config.rateLimitPerMinute(), System::nanoTime));
        this.handler = new RuntimeHandler(config, runtimeUrl, faults, endpoint, counters, jsonMapper());
        // Unbounded on purpose: simulated latency blocks a thread per request, and a bounded pool would queue
        // requests behind the sleepers and hide the concurrency the bridge must cope with.
        this.executor = Executors.newCachedThreadPool(daemonThreads());
    }

    /**
     * Starts a sandbox on 127.0.0.1 and returns once it accepts requests.
     *
     * @param config the settings; port 0 picks any free port, which {@link #baseUrl()} then shows
     * @return the running sandbox; close it to stop it
     * @throws BindException when the port is already in use; the message names the port and the setting
     * @throws IOException   when the server cannot be started for another reason
     */
    public static Sandbox start(SandboxConfig config) throws IOException {
        return start(config, TokenIssuer.randomSecret());
    }

    /** Starts a sandbox whose tokens are signed with the given HMAC key, so tests can forge tokens. */
    static Sandbox start(SandboxConfig config, byte[] jwtSecret) throws IOException {
        Objects.requireNonNull(config, "config");
        HttpServer server = bind(config.port());
        Sandbox sandbox;
        try {
            sandbox = new Sandbox(config.withPort(server.getAddress().getPort()), server, jwtSecret);
            server.createContext("/", sandbox.handler);
            server.setExecutor(sandbox.executor);
            server.start();
        } catch (RuntimeException e) {
            // Release the port: the caller gets no instance to close.
            server.stop(0);
            throw e;
        }
        sandbox.logStart();
        return sandbox;
    }

    /** Returns {@code http://127.0.0.1:<port>} with the port actually bound. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** Returns the GraphQL endpoint, {@code <baseUrl>/api/runtime/<appUuid>}. */
    public URI runtimeUrl() {
        return runtimeUrl;
    }

    /** Returns the settings in force, with the port actually bound (never 0). */
    public SandboxConfig config() {
        return config;
    }

    /** Returns a snapshot of the records created by successful action calls, in creation order. */
    public List<SandboxRecord> records() {
        return records.snapshot();
    }

    /** Returns a snapshot of the counters. */
    public SandboxStats stats() {
        return counters.snapshot();
    }

    /** Makes every access and refresh token issued so far invalid, as a revocation in Betty would. */
    public void revokeAllTokens() {
        tokens.revokeAll();
    }

    /** Returns the highest number of requests that were being handled at the same moment so far. */
    int maxInFlight() {
        return handler.maxInFlight();
    }

    /** Stops the server and interrupts requests still in progress; calling it again does nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        server.stop(0);
        executor.shutdownNow();
        LOG.info("Stopped the Betty Blocks runtime SANDBOX at {}", baseUrl);
    }

    private static HttpServer bind(int port) throws IOException {
        InetSocketAddress address = new InetSocketAddress(InetAddress.getByAddress(LOOPBACK), port);
        try {
            return HttpServer.create(address, BACKLOG);
        } catch (BindException e) {
            BindException clear = new BindException("Sandbox cannot listen on 127.0.0.1:" + port
                    + " because the port is already in use; set bridge.sandbox.port to a free port, or to 0 for any"
                    + " free port");
            clear.initCause(e);
            throw clear;
        }
    }

    private void logStart() {
        LOG.info("Started the local SANDBOX stand-in of the Betty Blocks runtime API, NOT Betty Blocks: runtime URL {},"
                        + " app uuid '{}', action id '{}', auth profile uuid '{}', username '{}'; latency {},"
                        + " failure rate {}, rate limit {}/min, revoke every {} action calls, error HTTP status {}",
                runtimeUrl, config.appUuid(), config.actionId(), config.authProfileUuid(), config.username(),
                config.latency(), config.failureRate(), config.rateLimitPerMinute(), config.revokeEvery(),
                config.errorHttpStatus());
    }

    private static ObjectMapper jsonMapper() {
        return JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger number = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "betty-sandbox-http-" + number.incrementAndGet());
            // Daemon, so a sandbox that a caller forgot to close never keeps the JVM alive.
            thread.setDaemon(true);
            return thread;
        };
    }
}
