package dev.bettybridge.sandbox;

import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherExceptionHandlerParameters;
import graphql.execution.DataFetcherExceptionHandlerResult;
import graphql.language.SourceLocation;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns exceptions thrown by the sandbox's data fetchers into Betty-shaped GraphQL errors. */
final class RuntimeApiExceptionHandler implements DataFetcherExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(RuntimeApiExceptionHandler.class);
    private static final int INTERNAL_ERROR = 500;

    private final SandboxCounters counters;

    RuntimeApiExceptionHandler(SandboxCounters counters) {
        this.counters = counters;
    }

    @Override
    public CompletableFuture<DataFetcherExceptionHandlerResult> handleException(
            DataFetcherExceptionHandlerParameters parameters) {
        Throwable exception = unwrap(parameters.getException());
        SourceLocation location = parameters.getSourceLocation();
        List<SourceLocation> locations = location == null ? List.of() : List.of(location);
        List<Object> path = parameters.getPath().toList();

        RuntimeApiError error;
        if (exception instanceof RuntimeApiException refusal) {
            if (refusal.statusCode() == 401) {
                counters.rejected401();
            }
            error = new RuntimeApiError(refusal.getMessage(), refusal.statusCode(), locations, path);
        } else {
            LOG.error("Sandbox data fetcher failed at '{}'", parameters.getPath(), exception);
            error = new RuntimeApiError("Internal sandbox error", INTERNAL_ERROR, locations, path);
        }
        return CompletableFuture.completedFuture(DataFetcherExceptionHandlerResult.newResult(error).build());
    }

    private static Throwable unwrap(Throwable exception) {
        Throwable current = exception;
        while (current instanceof CompletionException && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
