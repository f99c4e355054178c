package dev.orderflow.jmeter.sampler;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import org.apache.jmeter.config.ConfigTestElement;
import org.apache.jmeter.engine.util.ConfigMergabilityIndicator;
import org.apache.jmeter.samplers.AbstractSampler;
import org.apache.jmeter.samplers.Entry;
import org.apache.jmeter.samplers.Interruptible;
import org.apache.jmeter.samplers.SampleResult;
import org.apache.jmeter.testbeans.TestBean;
import org.apache.jmeter.testelement.TestElement;
import org.apache.jmeter.testelement.ThreadListener;
import org.apache.jmeter.threads.JMeterContext;

import dev.orderflow.jmeter.config.ShopConnection;
import dev.orderflow.jmeter.config.ShopSettings;
import dev.orderflow.jmeter.element.CheckedAtTestStart;
import dev.orderflow.jmeter.element.InvalidSettingsException;
import dev.orderflow.jmeter.element.OrderFlowSchema;
import dev.orderflow.jmeter.element.Setting;
import dev.orderflow.jmeter.element.SettingsReader;
import dev.orderflow.jmeter.element.StartRefusals;
import dev.orderflow.jmeter.flow.FlowStep;
import dev.orderflow.jmeter.flow.OrderFlowSampleResult;
import dev.orderflow.jmeter.flow.Relogin;
import dev.orderflow.jmeter.flow.VirtualUser;
import dev.orderflow.jmeter.http.HttpExchange;
import dev.orderflow.jmeter.http.HttpRequest;

/**
 * What every order-flow sampler shares: finding the shop connection in scope, the virtual user's
 * session, marking the start of an order attempt, recording exchanges into the sample, logging in again
 * when the shop refuses the user's token, closing the user's connection when its thread ends and cutting
 * a sample short when the test is stopped.
 */
public abstract class ShopSampler extends AbstractSampler implements TestBean, ThreadListener, CheckedAtTestStart,
        Interruptible, ConfigMergabilityIndicator {

    private static final long serialVersionUID = 1L;

    /** The nearest shop connection in scope; JMeter hands it over before each sample. */
    private transient ShopConnection shopConnection;
    /**
     * JMeter's HTTP Header, Cookie, Authorization and DNS Cache managers in scope, handed over before each sample too.
     */
    private transient HttpConfigInScope httpConfig = new HttpConfigInScope();
    /** The sessions of the virtual user that owns this copy of the sampler, for closing at thread end. */
    private transient ShopSessions sessions;
    private transient volatile ShopSession inFlight;

    /** The step of the order flow this sampler's samples belong to. */
    protected abstract FlowStep step();

    /** Takes the sample; null when there is nothing to sample (e.g. already logged in). */
    protected abstract OrderFlowSampleResult sample(Turn turn);

    /** The sampler's settings: its label, form and own fields. */
    protected abstract OrderFlowSchema schema();

    /** Reads and checks this sampler's own settings; the reader collects what is wrong. None by default. */
    protected void read(SettingsReader read) {
        // most samplers take everything from the shop connection
    }

    @Override
    public void testStarted() {
        // the properties are this run's: reading one evaluates its expressions
        SettingsReader read = SettingsReader.of(schema(), this);
        read(read);
        try {
            read.check();
        } catch (InvalidSettingsException e) {
            CheckedAtTestStart.refuse(e.getMessage(), schema().menuLabel());
        }
    }

    @Override
    public final SampleResult sample(Entry entry) {
        JMeterContext context = getThreadContext();
        if (StartRefusals.currentTestRefused()) {
            // the test was refused at its start and is stopping: this user sends nothing and ends
            context.getThread().stop();
            return null;
        }
        VirtualUser user = VirtualUser.of(context);
        if (shopConnection == null) {
            return misconfigured(user,
                    "no Shop connection applies to this sampler: add one to the test plan or its thread group");
        }
        ShopSettings settings;
        try {
            settings = shopConnection.settings();
        } catch (InvalidSettingsException e) {
            return misconfigured(user, e.getMessage());
        }
        sessions = ShopSessions.of(context.getVariables());
        ShopSession session = sessions.with(settings);
        inFlight = session;
        try {
            return sample(new Turn(context, user, settings, session));
        } finally {
            inFlight = null;
        }
    }

    /** The shop connection in scope of this sampler, or null; for samplers that need more than settings. */
    protected final ShopConnection shopConnection() {
        return shopConnection;
    }

    private OrderFlowSampleResult misconfigured(VirtualUser user, String message) {
        OrderFlowSampleResult result = newResult(user);
        result.setSuccessful(false);
        result.setResponseCode(SampleRecorder.NON_HTTP_CODE + "configuration");
        result.setResponseMessage(message);
        // every further sample of this user would fail the same way
        result.setStopThread(true);
        return result;
    }

    /** How an exchange ended, for a sentence: "was answered 500 Server Error" or "got no answer: …". */
    static String outcome(HttpExchange exchange) {
        return exchange.answered()
                ? "was answered " + exchange.response().status() + " " + exchange.response().reason()
                : "got no answer: " + exchange.failure().message();
    }

    OrderFlowSampleResult newResult(VirtualUser user) {
        OrderFlowSampleResult result = new OrderFlowSampleResult(step());
        result.setSampleLabel(getName());
        user.stamp(result);
        return result;
    }

    // Config scoping: take the nearest shop connection and JMeter's HTTP managers, merge nothing else into this
    // sampler.

    @Override
    public boolean applies(ConfigTestElement configElement) {
        return configElement instanceof ShopConnection || HttpConfigInScope.takes(configElement);
    }

    @Override
    public void addTestElement(TestElement element) {
        if (element instanceof ShopConnection connection) {
            if (shopConnection == null) { // JMeter offers the innermost config element first
                shopConnection = connection;
            }
        } else if (HttpConfigInScope.takes(element)) {
            httpConfig().add(element);
        } else {
            super.addTestElement(element);
        }
    }

    @Override
    public void clearTestElementChildren() {
        shopConnection = null;
        httpConfig().clear();
        super.clearTestElementChildren();
    }

    private HttpConfigInScope httpConfig() {
        if (httpConfig == null) { // after deserialization on a remote engine
            httpConfig = new HttpConfigInScope();
        }
        return httpConfig;
    }

    // Thread end and test stop

    @Override
    public void threadStarted() {
        // sessions open lazily on the first sample
    }

    @Override
    public void threadFinished() {
        ShopSessions own = sessions;
        if (own != null) {
            own.close(); // idempotent: every sampler of the user holds the same sessions
        }
    }

    @Override
    public boolean interrupt() {
        ShopSession session = inFlight;
        if (session == null) {
            return false;
        }
        session.agent().abort();
        return true;
    }

    /**
     * One sampler invocation: who samples, with which settings and session, and the sample being built.
     */
    protected final class Turn {
        private final JMeterContext context;
        private final VirtualUser user;
        private final ShopSettings settings;
        private final ShopSession session;
        private OrderFlowSampleResult result;
        private SampleRecorder recorder;
        private long startNanos;
        private Relogin relogin = Relogin.NONE;
        private String reloginFailure;

        Turn(JMeterContext context, VirtualUser user, ShopSettings settings, ShopSession session) {
            this.context = context;
            this.user = user;
            this.settings = settings;
            this.session = session;
        }

        public ShopSettings settings() {
            return settings;
        }

        public ShopSession session() {
            return session;
        }

        public VirtualUser user() {
            return user;
        }

        /** Starts the sample's clock; the first PRODUCTS/CART/ORDER sample of an iteration starts an order attempt. */
        public OrderFlowSampleResult start() {
            result = newResult(user);
            FlowStep step = step();
            if (step == FlowStep.PRODUCTS || step == FlowStep.CART || step == FlowStep.ORDER) {
                result.setAttemptStart(session.startsAttempt(context.getVariables().getIteration()));
            }
            recorder = new SampleRecorder(result, settings);
            startNanos = System.nanoTime();
            result.sampleStart();
            return result;
        }

        /** A GET of a path field of the shop connection, asking for JSON back. */
        public HttpRequest.Builder jsonGet(Setting path) {
            return HttpRequest.get(settings.path(path)).header("Accept", "application/json");
        }

        /** A POST of a JSON body to a path field of the shop connection, asking for JSON back. */
        public HttpRequest.Builder jsonPost(Setting path, String body) {
            return HttpRequest.post(settings.path(path), "application/json", body.getBytes(StandardCharsets.UTF_8))
                    .header("Accept", "application/json");
        }

        /**
         * Sends a request to a path field within the sample and records it; the masked body is what the sample shows.
         */
        public HttpExchange send(HttpRequest request, Setting path, String maskedBody) {
            return send(request, settings.url(path), maskedBody);
        }

        /**
         * Sends a request within the sample and records it; the masked body is what the sample shows. A GET follows
         * redirects on the same shop up to the connection's limit, each hop recorded; the last answer is returned.
         */
        public HttpExchange send(HttpRequest request, URL url, String maskedBody) {
            HttpExchange exchange = sendOnce(request, url, maskedBody);
            URL next;
            for (int hops = 0; request.method().equals("GET") && hops < settings.maxRedirects()
                    && (next = Redirects.next(exchange, url, settings.endpoint())) != null; hops++) {
                request = request.redirectedTo(Redirects.target(next));
                url = next;
                exchange = sendOnce(request, url, null);
            }
            return exchange;
        }

        private HttpExchange sendOnce(HttpRequest request, URL url, String maskedBody) {
            long sinceStart = System.nanoTime() - startNanos;
            session.agent().useCookies(httpConfig().cookieStore());
            session.agent().useResolver(httpConfig().resolver());
            session.agent().useDigestCredentials(httpConfig().digestCredentials());
            HttpExchange exchange = session.agent().send(httpConfig().decorate(request, url));
            recorder.add(exchange, request.method(), url, maskedBody, sinceStart);
            return exchange;
        }

        /** The next answer this sample records carries the user's token (a login answer): it is masked there. */
        public void nextAnswerCarriesToken() {
            recorder.maskTokenInNextAnswer();
        }

        /**
         * Sends a request that carries the user's token, built afresh for each sending. When the shop refuses the
         * token with 401 (an expired JWT, say), the user logs in again, once per sample, with the same credentials,
         * and the request is sent once more; every exchange is recorded. A failed re-login fails the sample when it
         * ends. Returns the last exchange of the request itself.
         */
        public HttpExchange sendAuthorized(Supplier<HttpRequest.Builder> request, Setting path, String maskedBody) {
            HttpExchange exchange = send(authorized(request.get()).build(), path, maskedBody);
            if (!exchange.answered() || exchange.response().status() != 401 || relogin != Relogin.NONE
                    || !session.loggedIn()) {
                return exchange;
            }
            UserLogin.Problem problem = UserLogin.logIn(this, shopConnection());
            if (problem != null) {
                relogin = Relogin.FAILED;
                reloginFailure = "the shop refused the token (401) and logging in again failed: " + problem.sentence();
                result.setRelogin(relogin);
                session.loggedOut();
                return exchange;
            }
            relogin = Relogin.SUCCEEDED;
            result.setRelogin(relogin);
            return send(authorized(request.get()).build(), path, maskedBody);
        }

        /**
         * Ends the sample: success as given, times and bytes written. After a failed re-login the sample fails
         * with a message saying so and ends the iteration: nothing after it can succeed without a token.
         */
        public OrderFlowSampleResult end(boolean successful) {
            result.sampleEnd();
            result.setSuccessful(successful && relogin != Relogin.FAILED);
            recorder.finish();
            if (relogin == Relogin.FAILED) {
                recorder.fail(reloginFailure);
                endingIteration(result);
            } else {
                noteRelogin();
            }
            return result;
        }

        /** Ends the sample as failed with the sampler's own message, keeping the last answer's code. */
        public OrderFlowSampleResult fail(String message) {
            end(false);
            if (relogin != Relogin.FAILED) {
                recorder.fail(message);
                noteRelogin();
            }
            return result;
        }

        /** Never silently: a sample that logged in again says so in its message. */
        private void noteRelogin() {
            if (relogin == Relogin.SUCCEEDED) {
                result.setResponseMessage(result.getResponseMessage() + " (logged in again after a 401)");
            }
        }

        /** Ends the iteration after this sample: the rest of the order flow makes no sense without it. */
        public OrderFlowSampleResult endingIteration(OrderFlowSampleResult sample) {
            sample.setTestLogicalAction(JMeterContext.TestLogicalAction.START_NEXT_ITERATION_OF_THREAD);
            return sample;
        }

        /** Adds the auth header with the user's token, unless not logged in or the shop takes none. */
        public HttpRequest.Builder authorized(HttpRequest.Builder request) {
            if (settings.authHeaderName() != null && session.token() != null) {
                request.header(settings.authHeaderName(), settings.authHeaderValue().render(session.token()));
            }
            return request;
        }
    }
}
