package dev.bettybridge.token;

import java.util.function.Supplier;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;

/** Gets a fresh token by running the {@code login} route; the token cache calls it on a miss. */
public final class LoginRoute implements Supplier<AccessToken> {

    private final CamelContext context;
    private volatile ProducerTemplate template;

    public LoginRoute(CamelContext context) {
        this.context = context;
    }

    /**
     * Runs {@code direct:login}.
     *
     * @throws LoginFailedException when the server gave no token
     * @throws RuntimeException the route's own failure, such as an I/O error, unwrapped
     */
    @Override
    public AccessToken get() {
        try {
            return template().requestBody("direct:login", null, AccessToken.class);
        } catch (CamelExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private ProducerTemplate template() {
        ProducerTemplate current = template;
        if (current == null) {
            synchronized (this) {
                if (template == null) {
                    template = context.createProducerTemplate();
                }
                current = template;
            }
        }
        return current;
    }
}
