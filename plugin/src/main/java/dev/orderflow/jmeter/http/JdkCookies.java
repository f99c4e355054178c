package dev.orderflow.jmeter.http;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.util.List;
import java.util.Map;

/** A virtual user's own cookie store when the plan has no HTTP Cookie Manager: the JDK's {@link CookieManager}. */
final class JdkCookies implements UserCookies {

    private final CookieManager cookies = new CookieManager();
    /** Whether the shop ever set a cookie: a shop that never does (a token in a header) costs no lookup per request. */
    private boolean any;

    @Override
    public String cookieHeader(URI uri) {
        if (!any) {
            return null;
        }
        try {
            List<String> values = cookies.get(uri, Map.of()).get("Cookie");
            return values == null || values.isEmpty() ? null : String.join("; ", values);
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void store(URI uri, List<String> setCookieValues) {
        any = true;
        try {
            cookies.put(uri, Map.of("Set-Cookie", setCookieValues));
        } catch (IOException e) {
            // a cookie the JDK cannot read is dropped, as a browser would
        }
    }
}
