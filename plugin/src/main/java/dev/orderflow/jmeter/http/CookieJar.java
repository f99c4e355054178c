package dev.orderflow.jmeter.http;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cookies one virtual user holds for one shop.
 *
 * <p>A virtual user talks to a single host, so Domain and Path are not consulted: every cookie the
 * shop sets is sent back. A cookie is dropped when the shop expires it (Max-Age ≤ 0, or an Expires
 * date that has passed). Belongs to one virtual user; not thread-safe.
 */
public final class CookieJar {

    private final Clock clock;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private String header;

    public CookieJar(Clock clock) {
        this.clock = clock;
    }

    /** Takes the cookies of an answer's Set-Cookie headers. */
    public void store(List<String> setCookieHeaders) {
        for (String setCookie : setCookieHeaders) {
            storeOne(setCookie);
        }
    }

    /** The value of the Cookie header to send, or null when there is none. */
    public String header() {
        if (header == null && !cookies.isEmpty()) {
            StringBuilder builder = new StringBuilder();
            for (Map.Entry<String, String> cookie : cookies.entrySet()) {
                if (builder.length() > 0) {
                    builder.append("; ");
                }
                builder.append(cookie.getKey()).append('=').append(cookie.getValue());
            }
            header = builder.toString();
        }
        return header;
    }

    public String get(String name) {
        return cookies.get(name);
    }

    public void clear() {
        cookies.clear();
        header = null;
    }

    private void storeOne(String setCookie) {
        String[] parts = setCookie.split(";");
        int equals = parts[0].indexOf('=');
        if (equals <= 0) {
            return; // a nameless cookie: browsers ignore it too
        }
        String name = parts[0].substring(0, equals).trim();
        String value = parts[0].substring(equals + 1).trim();
        if (name.isEmpty() || !isCookieText(name) || !isCookieText(value)) {
            return;
        }
        boolean expired = false;
        boolean maxAgeSeen = false;
        for (int i = 1; i < parts.length; i++) {
            String attribute = parts[i].trim();
            int eq = attribute.indexOf('=');
            String key = eq < 0 ? attribute : attribute.substring(0, eq).trim();
            String attributeValue = eq < 0 ? "" : attribute.substring(eq + 1).trim();
            if (key.equalsIgnoreCase("Max-Age")) {
                maxAgeSeen = true; // Max-Age wins over Expires
                try {
                    expired = Long.parseLong(attributeValue) <= 0;
                } catch (NumberFormatException e) {
                    // an unreadable Max-Age is ignored, as browsers do
                }
            } else if (key.equalsIgnoreCase("Expires") && !maxAgeSeen) {
                expired = hasPassed(attributeValue);
            }
        }
        if (expired) {
            cookies.remove(name);
        } else {
            cookies.put(name, value);
        }
        header = null;
    }

    private boolean hasPassed(String date) {
        try {
            Instant expires = ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return !expires.isAfter(clock.instant());
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean isCookieText(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 32 || c == 127 || c == ';') {
                return false;
            }
        }
        return true;
    }
}
