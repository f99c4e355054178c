package dev.orderflow.jmeter.summary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jmeter.samplers.AbstractSampler;
import org.apache.jmeter.samplers.Entry;
import org.apache.jmeter.samplers.SampleResult;
import org.apache.jmeter.threads.JMeterContext;
import org.apache.jmeter.threads.JMeterVariables;

import dev.orderflow.jmeter.flow.FlowStep;
import dev.orderflow.jmeter.flow.OrderFlowSampleResult;
import dev.orderflow.jmeter.flow.VirtualUser;

/**
 * One step of the order flow over real HTTP, marked as API.md's samplers mark it: enough to drive the listener
 * through JMeter's engine in tests. A thread group with "start next loop on error" around LOGIN, CART and ORDER
 * gives the flow: a failed login or cart ends the iteration.
 */
public class FlowStepTestSampler extends AbstractSampler {

    private static final long serialVersionUID = 1L;
    static final String STEP = "FlowStepTestSampler.step";
    static final String BASE_URL = "FlowStepTestSampler.baseUrl";
    static final String USERS_CSV = "FlowStepTestSampler.usersCsv";
    static final String TIMEOUT_MS = "FlowStepTestSampler.timeoutMs";
    private static final String TOKEN_VAR = "test.token";
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Map<String, Map<String, String>> PASSWORDS = new ConcurrentHashMap<>();

    static FlowStepTestSampler of(FlowStep step, String baseUrl, Path usersCsv, long timeoutMs) {
        FlowStepTestSampler sampler = new FlowStepTestSampler();
        sampler.setName(step.name());
        sampler.setProperty(STEP, step.name());
        sampler.setProperty(BASE_URL, baseUrl);
        sampler.setProperty(USERS_CSV, usersCsv == null ? "" : usersCsv.toString());
        sampler.setProperty(TIMEOUT_MS, timeoutMs);
        return sampler;
    }

    @Override
    public SampleResult sample(Entry entry) {
        FlowStep step = FlowStep.valueOf(getPropertyAsString(STEP));
        JMeterContext context = getThreadContext();
        JMeterVariables vars = context.getVariables();
        VirtualUser user = VirtualUser.of(context);
        OrderFlowSampleResult result = new OrderFlowSampleResult(step);
        result.setSampleLabel(getName());
        user.stamp(result);
        String username = "load_test_user_" + user.userNumber();
        HttpRequest.Builder request = switch (step) {
            case LOGIN -> post("/api/auth/login",
                    "{\"username\":\"" + username + "\",\"password\":\"" + password(username) + "\"}");
            case CART -> post("/api/cart/items", "{\"product_id\":" + (1 + user.userNumber() % 100) + ",\"quantity\":1}");
            case ORDER -> post("/api/orders", "{}");
            default -> throw new IllegalArgumentException("no test step " + step);
        };
        if (step == FlowStep.CART) {
            result.setAttemptStart(true); // the test flow has no product listing: the cart starts the attempt
        }
        if (step != FlowStep.LOGIN) {
            request.header("Authorization", "Token " + vars.get(TOKEN_VAR));
        }
        result.sampleStart();
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            result.sampleEnd();
            result.setResponseCode(Integer.toString(response.statusCode()));
            result.setResponseData(response.body(), StandardCharsets.UTF_8.name());
            result.setSuccessful(response.statusCode() / 100 == 2);
            if (step == FlowStep.LOGIN && result.isSuccessful()) {
                Matcher token = TOKEN.matcher(response.body());
                if (token.find()) {
                    vars.put(TOKEN_VAR, token.group(1));
                }
            }
        } catch (IOException e) {
            result.sampleEnd();
            result.setResponseCode("Non HTTP response code: " + e.getClass().getName());
            result.setResponseMessage(String.valueOf(e.getMessage()));
            result.setSuccessful(false);
            result.setOutcomeUnknown(step == FlowStep.ORDER); // the request went out; its answer never came back
        } catch (InterruptedException e) {
            result.sampleEnd();
            result.setSuccessful(false);
            Thread.currentThread().interrupt();
        }
        return result;
    }

    private HttpRequest.Builder post(String path, String json) {
        return HttpRequest.newBuilder(URI.create(getPropertyAsString(BASE_URL) + path))
                .timeout(Duration.ofMillis(getPropertyAsLong(TIMEOUT_MS)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    private String password(String username) {
        String csv = getPropertyAsString(USERS_CSV);
        if (csv.isEmpty()) {
            return "any";
        }
        return PASSWORDS.computeIfAbsent(csv, FlowStepTestSampler::readPasswords).getOrDefault(username, "unknown");
    }

    private static Map<String, String> readPasswords(String csv) {
        try {
            Map<String, String> passwords = new ConcurrentHashMap<>();
            Files.readAllLines(Path.of(csv)).stream().skip(1).map(line -> line.split(",", 2))
                    .filter(cells -> cells.length == 2).forEach(cells -> passwords.put(cells[0], cells[1]));
            return passwords;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
