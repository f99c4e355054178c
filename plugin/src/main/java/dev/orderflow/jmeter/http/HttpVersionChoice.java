package dev.orderflow.jmeter.http;

import java.util.List;
import java.util.Locale;

import org.eclipse.jetty.client.Origin;

/** Which HTTP version a shop connection speaks. */
public enum HttpVersionChoice {
    /** HTTP/1.1 only, as browsers did before HTTP/2: one request at a time on each connection. */
    HTTP_1_1("HTTP/1.1"),
    /** HTTP/2 only: h2 over TLS (chosen through ALPN), h2c with prior knowledge on plain text. */
    HTTP_2("HTTP/2"),
    /** What the shop offers: over TLS, ALPN picks h2 when the shop has it, else HTTP/1.1; plain text stays HTTP/1.1. */
    AUTO("auto");

    private final String text;

    HttpVersionChoice(String text) {
        this.text = text;
    }

    /** How the field is written in a plan. */
    public String text() {
        return text;
    }

    /** The choice a field's text names (case and spaces ignored), or null. */
    public static HttpVersionChoice parse(String text) {
        String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (HttpVersionChoice choice : values()) {
            if (choice.text.toLowerCase(Locale.ROOT).equals(wanted)) {
                return choice;
            }
        }
        return null;
    }

    /** The protocols Jetty may use to reach a shop with this scheme, in the order it should prefer them. */
    Origin.Protocol protocol(boolean tls) {
        return switch (this) {
            case HTTP_1_1 -> new Origin.Protocol(List.of("http/1.1"), false);
            case HTTP_2 -> tls ? new Origin.Protocol(List.of("h2"), true) : new Origin.Protocol(List.of("h2c"), false);
            case AUTO -> tls ? new Origin.Protocol(List.of("h2", "http/1.1"), true)
                    : new Origin.Protocol(List.of("http/1.1"), false);
        };
    }
}
