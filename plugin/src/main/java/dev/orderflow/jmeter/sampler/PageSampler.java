package dev.orderflow.jmeter.sampler;

import java.net.MalformedURLException;
import java.net.URL;

import dev.orderflow.jmeter.element.OrderFlowSchema;
import dev.orderflow.jmeter.element.SettingsReader;
import dev.orderflow.jmeter.flow.FlowStep;
import dev.orderflow.jmeter.flow.OrderFlowSampleResult;
import dev.orderflow.jmeter.http.HttpExchange;
import dev.orderflow.jmeter.http.HttpRequest;
import dev.orderflow.jmeter.http.RequestTargets;

/**
 * GETs any page of the shop (the index page by default) on the virtual user's connection, with its
 * cookies. Redirects on the same shop are followed up to the shop connection's limit, each hop a sub-result; the
 * last answer decides: a 2xx or 3xx answer is a success.
 */
public class PageSampler extends ShopSampler {

    private static final long serialVersionUID = 1L;

    /** A Page sampler for the index page, also for plans built in code. */
    public PageSampler() {
        SamplerSchemas.Page.INSTANCE.applyDefaults(this);
    }

    @Override
    protected OrderFlowSchema schema() {
        return SamplerSchemas.Page.INSTANCE;
    }

    private transient String urlPath;
    private transient Object urlShop;
    private transient URL url;

    @Override
    protected FlowStep step() {
        return FlowStep.PAGE;
    }

    @Override
    protected void read(SettingsReader read) {
        path(read);
    }

    /** The page's path; when it is not one, the reader says so. */
    private static String path(SettingsReader read) {
        String path = read.text(SamplerSchemas.Page.PATH);
        if (!RequestTargets.isValid(path)) {
            read.problem(SamplerSchemas.Page.PATH,
                    "'" + path + "' is not a path: it must start with / and have no spaces");
        }
        return path;
    }

    @Override
    protected OrderFlowSampleResult sample(Turn turn) {
        turn.start();
        SettingsReader read = SettingsReader.of(schema(), this);
        String path = path(read);
        if (!read.problems().isEmpty()) {
            return turn.fail(read.problems().get(0));
        }
        URL pageUrl;
        try {
            pageUrl = urlOf(turn, path);
        } catch (MalformedURLException e) {
            return turn.fail("not a URL: " + e.getMessage());
        }
        // the page is only shown, never parsed: keep no more of it than the sample shows
        HttpRequest request = turn.authorized(HttpRequest.get(path).header("Accept", "text/html,*/*"))
                .keepBodyUpTo(turn.settings().keptResponseBytes()).build();
        HttpExchange exchange = turn.send(request, pageUrl, null);
        boolean ok = exchange.answered() && exchange.response().status() >= 200 && exchange.response().status() < 400;
        return turn.end(ok);
    }

    private URL urlOf(Turn turn, String path) throws MalformedURLException {
        if (url == null || !path.equals(urlPath) || urlShop != turn.settings()) {
            url = turn.settings().url(path);
            urlPath = path;
            urlShop = turn.settings();
        }
        return url;
    }
}
