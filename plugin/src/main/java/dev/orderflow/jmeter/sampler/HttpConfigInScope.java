package dev.orderflow.jmeter.sampler;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;

import org.apache.jmeter.protocol.http.control.AuthManager;
import org.apache.jmeter.protocol.http.control.CookieManager;
import org.apache.jmeter.protocol.http.control.DNSCacheManager;
import org.apache.jmeter.protocol.http.control.Header;
import org.apache.jmeter.protocol.http.control.HeaderManager;
import org.apache.jmeter.testelement.TestElement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.orderflow.jmeter.http.HostResolver;
import dev.orderflow.jmeter.http.HttpHeader;
import dev.orderflow.jmeter.http.HttpRequest;
import dev.orderflow.jmeter.http.UserCookies;

/**
 * JMeter's HTTP config elements in scope of an order-flow sampler, honoured as JMeter's HTTP Request honours them:
 * the headers of every HTTP Header Manager in scope (the nearest wins a name), the nearest HTTP Cookie Manager
 * (per virtual user, JMeter clones it per thread and clears it each iteration when it is set to), and the nearest
 * HTTP Authorization Manager's Basic credentials for the request's URL, and the nearest DNS Cache Manager to
 * resolve the shop's name.
 */
final class HttpConfigInScope {

    private static final Logger log = LoggerFactory.getLogger(HttpConfigInScope.class);

    private HeaderManager headers;
    private CookieManager cookies;
    private AuthManager auth;
    private DNSCacheManager dns;

    /** True for the JMeter elements this class takes. */
    static boolean takes(TestElement element) {
        return element instanceof HeaderManager || element instanceof CookieManager || element instanceof AuthManager
                || element instanceof DNSCacheManager;
    }

    /** Takes an element JMeter offers the sampler; the innermost comes first. */
    void add(TestElement element) {
        if (element instanceof HeaderManager manager) {
            headers = headers == null ? manager : headers.merge(manager);
        } else if (element instanceof CookieManager manager && cookies == null) {
            cookies = manager;
        } else if (element instanceof AuthManager manager && auth == null) {
            auth = manager;
        } else if (element instanceof DNSCacheManager manager && dns == null) {
            dns = manager;
        }
    }

    void clear() {
        headers = null;
        cookies = null;
        auth = null;
        dns = null;
    }

    /** The nearest DNS Cache Manager as the user's resolver (static hosts, own DNS servers), or null. */
    HostResolver resolver() {
        DNSCacheManager manager = dns;
        return manager == null ? null : manager::resolve;
    }

    /** The user's JMeter cookie store, or null when no Cookie Manager is in scope (the user's own store then). */
    UserCookies cookieStore() {
        CookieManager manager = cookies;
        return manager == null ? null : new JMeterCookies(manager);
    }

    /** The request with the Header Manager's headers and the Authorization Manager's credentials added. */
    HttpRequest decorate(HttpRequest request, URL url) {
        List<HttpHeader> more = new ArrayList<>(4);
        HeaderManager manager = headers;
        if (manager != null) {
            for (int i = 0; i < manager.size(); i++) {
                Header header = manager.get(i);
                try {
                    more.add(new HttpHeader(header.getName().trim(), header.getValue()));
                } catch (IllegalArgumentException e) {
                    log.warn("HTTP Header Manager \"{}\": header '{}' is not sent: {}", manager.getName(),
                            header.getName(), e.getMessage());
                }
            }
        }
        AuthManager credentials = auth;
        if (credentials != null && !request.has("Authorization")) {
            String value = credentials.getAuthHeaderForURL(url);
            if (value != null) {
                more.add(new HttpHeader("Authorization", value));
            }
        }
        return request.withHeaders(more);
    }

    /** A JMeter HTTP Cookie Manager as the store of a user's cookies. */
    private record JMeterCookies(CookieManager manager) implements UserCookies {
        @Override
        public String cookieHeader(URI uri) {
            try {
                return manager.getCookieHeaderForURL(uri.toURL());
            } catch (MalformedURLException e) {
                return null;
            }
        }

        @Override
        public void store(URI uri, List<String> setCookieValues) {
            try {
                URL url = uri.toURL();
                for (String value : setCookieValues) {
                    manager.addCookieFromHeader(value, url);
                }
            } catch (MalformedURLException e) {
                // not a URL JMeter can hold cookies for: nothing to keep
            }
        }
    }
}
