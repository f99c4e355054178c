package dev.orderflow.jmeter.http;

import java.net.URI;
import java.util.List;

/** Where a virtual user's cookies live: what is sent with a request, and where an answer's Set-Cookie go. */
public interface UserCookies {

    /** The value of the Cookie header for a request to this URI, or null to send none. */
    String cookieHeader(URI uri);

    /** Keeps the cookies an answer from this URI set. */
    void store(URI uri, List<String> setCookieValues);
}
