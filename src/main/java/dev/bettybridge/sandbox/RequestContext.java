package dev.bettybridge.sandbox;

import graphql.schema.DataFetchingEnvironment;

/**
 * What the HTTP layer hands to the data fetchers of one request, through the GraphQL context.
 *
 * @param authorization the {@code Authorization} header, or null when absent
 */
record RequestContext(String authorization) {

    /** Masks the header, which carries a token. */
    @Override
    public String toString() {
        return "RequestContext[authorization=" + (authorization == null ? "absent" : "****") + "]";
    }

    /** Returns the context of the request that {@code env} belongs to; an empty one when there is none. */
    static RequestContext of(DataFetchingEnvironment env) {
        RequestContext context = env.getGraphQlContext().get(RequestContext.class);
        return context == null ? new RequestContext(null) : context;
    }
}
