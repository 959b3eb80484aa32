package dev.bettybridge.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves every HTTP request of the sandbox: latency and injected 503s apply to any request, then the runtime path
 * answers GraphQL POSTs (rate-limited) and a GET information page, and other paths get a 404.
 */
final class RuntimeHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(RuntimeHandler.class);

    private static final int MAX_BODY_BYTES = 4 * 1024 * 1024;
    private static final String JSON = "application/json; charset=utf-8";
    private static final String TEXT = "text/plain; charset=utf-8";

    private final SandboxConfig config;
    private final URI runtimeUrl;
    private final FaultInjector faults;
    private final GraphQlEndpoint endpoint;
    private final SandboxCounters counters;
    private final ObjectMapper mapper;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();

    RuntimeHandler(SandboxConfig config, URI runtimeUrl, FaultInjector faults, GraphQlEndpoint endpoint,
                   SandboxCounters counters, ObjectMapper mapper) {
        this.config = config;
        this.runtimeUrl = runtimeUrl;
        this.faults = faults;
        this.endpoint = endpoint;
        this.counters = counters;
        this.mapper = mapper;
    }

    @Override
    public void handle(HttpExchange exchange) {
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            respond(exchange);
        } catch (InterruptedException e) {
            // The server is stopping; the connection is closed below without an answer.
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.debug("Sandbox could not answer a request, the client probably went away: {}", e.toString());
        } catch (RuntimeException e) {
            // A sandbox bug: the client sees the connection close, and the log says why.
            LOG.error("Sandbox failed to answer a request", e);
        } finally {
            inFlight.decrementAndGet();
            exchange.close();
        }
    }

    /** The highest number of requests handled at the same time so far. */
    int maxInFlight() {
        return maxInFlight.get();
    }

    private void respond(HttpExchange exchange) throws IOException, InterruptedException {
        faults.delay();
        if (faults.injectFailure()) {
            counters.injectedFailure();
            LOG.debug("Sandbox answered a request with an injected HTTP 503");
            sendText(exchange, 503, "503 Service Unavailable: failure injected by the betty-action-bridge sandbox"
                    + " (bridge.sandbox.failure-rate = " + config.failureRate() + ")\n");
            return;
        }

        if (!runtimeUrl.getRawPath().equals(exchange.getRequestURI().getRawPath())) {
            LOG.debug("Sandbox answered a {} to an unknown path with HTTP 404", exchange.getRequestMethod());
            sendErrors(exchange, 404, 404, "Not found: this sandbox serves only the application '"
                    + config.appUuid() + "' at " + runtimeUrl.getRawPath());
            return;
        }
        switch (exchange.getRequestMethod()) {
            case "POST" -> post(exchange);
            case "GET" -> {
                LOG.debug("Sandbox answered a GET with its information page");
                sendText(exchange, 200, page());
            }
            default -> {
                LOG.debug("Sandbox answered a {} with HTTP 405", exchange.getRequestMethod());
                exchange.getResponseHeaders().set("Allow", "GET, POST");
                sendText(exchange, 405, "405 Method Not Allowed: use POST for GraphQL, GET for this page\n");
            }
        }
    }

    private void post(HttpExchange exchange) throws IOException {
        long retryAfter = faults.throttle();
        if (retryAfter > 0) {
            counters.throttled();
            exchange.getResponseHeaders().set("Retry-After", Long.toString(retryAfter));
            LOG.debug("Sandbox throttled a request, Retry-After {} s", retryAfter);
            sendErrors(exchange, 429, 429, "Too many requests: the limit is " + config.rateLimitPerMinute()
                    + " requests per minute, retry after " + retryAfter + " s");
            return;
        }

        GraphQlRequest request;
        try {
            request = GraphQlRequest.parse(mapper, readBody(exchange));
        } catch (RuntimeApiException e) {
            LOG.debug("Sandbox refused a request with HTTP {}: unusable body", e.statusCode());
            sendErrors(exchange, e.statusCode(), e.statusCode(), e.getMessage());
            return;
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        GraphQlEndpoint.Answer answer = endpoint.execute(request, authorization);
        int status = answer.hasErrors() ? config.errorHttpStatus() : 200;
        LOG.debug("Sandbox answered '{}' with HTTP {}: {}", label(request, answer), status,
                answer.hasErrors() ? "errors with statusCode " + answer.statusCodes() : "ok");
        sendJson(exchange, status, answer.body());
    }

    private static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw new RuntimeApiException(413, "Request body too large: the sandbox accepts at most "
                        + MAX_BODY_BYTES + " bytes");
            }
            return body;
        }
    }

    private static String label(GraphQlRequest request, GraphQlEndpoint.Answer answer) {
        if (request.operationName() != null) {
            return request.operationName();
        }
        return answer.rootFields().isEmpty() ? "anonymous" : String.join(",", answer.rootFields());
    }

    private String page() {
        return """
                betty-action-bridge sandbox

                This is a local stand-in for the Betty Blocks runtime API, run by betty-action-bridge for development
                and tests. It is NOT Betty Blocks: nothing sent here reaches a Betty Blocks application.

                GraphQL endpoint:        POST %1$s  {"query": ..., "variables": ..., "operationName": ...}
                Application:             %2$s
                Action:                  %3$s (input variable '%4$s')
                Authentication profile:  %5$s

                The records that action calls created (no token needed):
                  curl -s -H 'Content-Type: application/json' \\
                    -d '{"query":"{ records { id actionId input createdAt } }"}' %1$s
                """.formatted(runtimeUrl, config.appUuid(), config.actionId(), config.inputName(),
                config.authProfileUuid());
    }

    private void sendErrors(HttpExchange exchange, int httpStatus, int statusCode, String message)
            throws IOException {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("extensions", Map.of("statusCode", statusCode));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("errors", List.of(error));
        body.put("data", null);
        sendJson(exchange, httpStatus, body);
    }

    private void sendJson(HttpExchange exchange, int status, Map<String, Object> body) throws IOException {
        byte[] bytes;
        try {
            bytes = mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            // Only maps, lists and JSON scalars are written, so this would be a sandbox bug.
            throw new IllegalStateException("Sandbox could not write its JSON answer", e);
        }
        send(exchange, status, JSON, bytes);
    }

    private static void sendText(HttpExchange exchange, int status, String text) throws IOException {
        send(exchange, status, TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] bytes)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
