package dev.orderflow.jmeter.sampler;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;

import org.apache.jmeter.protocol.http.control.AuthManager;
import org.apache.jmeter.protocol.http.control.Authorization;
import org.apache.jmeter.protocol.http.control.CookieManager;
import org.apache.jmeter.protocol.http.control.DNSCacheManager;
import org.apache.jmeter.protocol.http.control.Header;
import org.apache.jmeter.protocol.http.control.HeaderManager;
import org.apache.jmeter.testelement.TestElement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.orderflow.jmeter.http.DigestCredentials;
import dev.orderflow.jmeter.http.HostResolver;
import dev.orderflow.jmeter.http.HttpHeader;
import dev.orderflow.jmeter.http.HttpRequest;
import dev.orderflow.jmeter.http.UserCookies;

/**
 * JMeter's HTTP config elements in scope of an order-flow sampler, honoured as JMeter's HTTP Request honours them:
 * the headers of every HTTP Header Manager in scope (the nearest wins a name), the nearest HTTP Cookie Manager
 * (per virtual user, JMeter clones it per thread and clears it each iteration when it is set to), the nearest
 * HTTP Authorization Manager's credentials for the request's URL (Basic sent up front, Digest in answer to the shop's
 * challenge), and the nearest DNS Cache Manager to resolve the shop's name.
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

    /** The nearest Authorization Manager's Digest entries, or null when no Authorization Manager is in scope. */
    DigestCredentials digestCredentials() {
        AuthManager manager = auth;
        return manager == null ? null : uri -> digestEntry(manager, uri);
    }

    private static DigestCredentials.Credential digestEntry(AuthManager manager, URI uri) {
        try {
            Authorization entry = manager.getAuthForURL(uri.toURL());
            if (entry == null || entry.getMechanism() != AuthManager.Mechanism.DIGEST) {
                return null;
            }
            // the entry's URL is the scope of its answer: the next requests under it send it up front (an entry
            // without a URL is for every URL: its scope is the shop)
            URI scope = URI.create(entry.getURL().trim());
            String realm = entry.getRealm() == null ? "" : entry.getRealm().trim();
            return new DigestCredentials.Credential(scope.isAbsolute() ? scope : uri.resolve("/"), realm,
                    entry.getUser(), entry.getPass());
        } catch (MalformedURLException | IllegalArgumentException e) {
            return null;
        }
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
            // Basic up front, as JMeter's HTTP Request sends it; a Digest entry waits for the shop's challenge
            // (HttpUserAgent answers it), and its password is never sent as Basic
            Authorization entry = credentials.getAuthForURL(url);
            if (entry != null && entry.getMechanism() == AuthManager.Mechanism.BASIC) {
                more.add(new HttpHeader("Authorization", entry.toBasicHeader()));
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
