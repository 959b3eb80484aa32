package dev.bettybridge.sandbox;

/**
 * Counters of what the sandbox has answered since it started.
 *
 * @param logins           successful logins
 * @param refreshes        successful token refreshes
 * @param actionCalls      action calls that reached the GraphQL layer, refused or not (faults before it excluded)
 * @param rejected401      GraphQL errors answered with statusCode 401 (login, refresh and action)
 * @param injectedFailures requests answered with an injected HTTP 503
 * @param throttled        requests answered with HTTP 429 by the rate limit
 */
public record SandboxStats(long logins, long refreshes, long actionCalls, long rejected401, long injectedFailures,
                           long throttled) {
}
