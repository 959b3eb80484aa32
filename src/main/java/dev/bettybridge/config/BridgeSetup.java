package dev.bettybridge.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bettybridge.broker.QueueSetup;
import dev.bettybridge.graphql.GraphqlBodies;
import dev.bettybridge.inbox.Inbox;
import dev.bettybridge.logging.SecretValues;
import dev.bettybridge.sandbox.Sandbox;
import dev.bettybridge.sandbox.SandboxConfig;
import dev.bettybridge.schedule.ScheduleSetup;
import dev.bettybridge.token.CredentialsGate;
import dev.bettybridge.token.Login;
import dev.bettybridge.token.LoginRoute;
import dev.bettybridge.token.TokenCache;
import dev.bettybridge.token.TokenLifetime;
import dev.bettybridge.token.TokenStats;
import dev.bettybridge.trigger.ActionCall;
import dev.bettybridge.trigger.OutcomeClassifier;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import org.apache.camel.CamelContext;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the bridge before its routes are built: checks the settings, starts the sandbox when no Betty Blocks app is
 * configured, and binds the beans the routes call.
 */
public final class BridgeSetup extends MainListenerSupport {

    /** The property the routes use as the HTTP endpoint of the runtime API. */
    public static final String RUNTIME_URL = "bridge.runtime-url";

    private static final Logger LOG = LoggerFactory.getLogger(BridgeSetup.class);

    @Override
    public void beforeConfigure(BaseMainSupport main) {
        CamelContext context = main.getCamelContext();
        PropertiesComponent properties = context.getPropertiesComponent();
        Function<String, String> lookup = key -> properties.resolveProperty(key).orElse(null);
        BridgeSettings settings = BridgeSettings.read(lookup);
        SecretValues.add(settings.password());
        if (settings.sandboxMode()) {
            settings = startSandbox(context, settings, lookup);
        } else {
            LOG.info("Triggering action '{}' at '{}' as '{}'", settings.actionId(), settings.runtimeUrl(),
                    settings.username());
        }
        properties.addOverrideProperty(RUNTIME_URL, settings.runtimeUrl().toString());
        configureHttp(context, settings);
        bind(context, settings);
        ScheduleSetup.bind(context, lookup);
        QueueSetup.bind(context, lookup);
    }

    private static BridgeSettings startSandbox(CamelContext context, BridgeSettings settings,
            Function<String, String> lookup) {
        SandboxConfig config;
        try {
            config = SandboxConfig.from(lookup);
        } catch (IllegalArgumentException e) {
            throw new SettingsException(e.getMessage());
        }
        Sandbox sandbox;
        try {
            sandbox = Sandbox.start(config);
        } catch (IOException e) {
            throw new SettingsException("setting 'bridge.sandbox.port' (environment variable BRIDGE_SANDBOX_PORT): "
                    + "cannot start the sandbox on 127.0.0.1:" + config.port() + ": " + e.getMessage());
        }
        context.getRegistry().bind("sandbox", sandbox);
        addStopper(context, sandbox);
        LOG.warn("{} is not set: using the local SANDBOX at '{}', not Betty Blocks; set the BB_ settings to trigger"
                + " a real app", Setting.BASE_URL.environmentVariable(), sandbox.runtimeUrl());
        SecretValues.add(config.password());
        return settings.withApplication(sandbox.baseUrl(), config.appUuid(), config.actionId(),
                config.authProfileUuid(), config.username(), config.password());
    }

    private static void addStopper(CamelContext context, Sandbox sandbox) {
        try {
            context.addService(new ServiceSupport() {
                @Override
                protected void doStop() {
                    sandbox.close();
                }
            }, true, false);
        } catch (Exception e) {
            sandbox.close();
            throw new IllegalStateException("cannot register the sandbox with the Camel context", e);
        }
    }

    private static void configureHttp(CamelContext context, BridgeSettings settings) {
        HttpComponent http = context.getComponent(settings.runtimeUrl().getScheme(), HttpComponent.class);
        http.setConnectTimeout(settings.connectTimeout().toMillis());
        http.setConnectionRequestTimeout(settings.connectTimeout().toMillis());
        http.setResponseTimeout(settings.responseTimeout().toMillis());
        http.setSoTimeout(settings.responseTimeout().toMillis());
        // One retry policy, ours: HttpClient would otherwise repeat 503 and 429 answers on its own.
        http.setAutomaticRetriesDisabled(true);
    }

    @Override
    public void beforeStart(BaseMainSupport main) {
        CamelContext context = main.getCamelContext();
        MeterRegistry metrics = context.getRegistry().findSingleByType(MeterRegistry.class);
        if (metrics != null) {
            context.getRegistry().lookupByNameAndType("tokenStats", TokenStats.class).bindTo(metrics);
        }
    }

    private void bind(CamelContext context, BridgeSettings settings) {
        ObjectMapper mapper = new ObjectMapper();
        GraphqlBodies bodies = new GraphqlBodies(mapper);
        Clock clock = Clock.systemUTC();
        ScheduledExecutorService tokenThread =
                context.getExecutorServiceManager().newSingleThreadScheduledExecutor(this, "token");
        CredentialsGate gate = new CredentialsGate(tokenThread, settings.loginRetry());
        TokenStats stats = new TokenStats();
        TokenCache tokens = new TokenCache(new LoginRoute(context, gate, stats, clock), tokenThread, clock);
        gate.probeWith(() -> tokens.cache().get(TokenCache.KEY));
        Inbox inbox = new Inbox(settings.inbox());
        inbox.prepare();
        context.getRegistry().bind("bridgeSettings", settings);
        context.getRegistry().bind("login", new Login(settings, bodies, mapper,
                new TokenLifetime(settings.tokenMargin())));
        context.getRegistry().bind("tokenCache", tokens);
        context.getRegistry().bind("tokenStats", stats);
        context.getRegistry().bind("credentialsGate", gate);
        context.getRegistry().bind(TokenCache.CACHE_NAME, tokens.cache());
        context.getRegistry().bind("actionCall",
                new ActionCall(settings, bodies, new OutcomeClassifier(mapper), tokens, gate, stats));
        context.getRegistry().bind("inbox", inbox);
    }
}
