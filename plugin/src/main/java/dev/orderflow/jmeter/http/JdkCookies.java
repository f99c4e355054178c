package dev.orderflow.jmeter.http;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.util.List;
import java.util.Map;

/** A virtual user's own cookie store when the plan has no HTTP Cookie Manager: the JDK's {@link CookieManager}. */
final class JdkCookies implements UserCookies {

    private final CookieManager cookies = new CookieManager();

    @Override
    public String cookieHeader(URI uri) {
        try {
            List<String> values = cookies.get(uri, Map.of()).get("Cookie");
            return values == null || values.isEmpty() ? null : String.join("; ", values);
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void store(URI uri, List<String> setCookieValues) {
        try {
            cookies.put(uri, Map.of("Set-Cookie", setCookieValues));
        } catch (IOException e) {
            // a cookie the JDK cannot read is dropped, as a browser would
        }
    }
}
