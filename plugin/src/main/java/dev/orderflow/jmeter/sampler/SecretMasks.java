package dev.orderflow.jmeter.sampler;

import java.io.IOException;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.orderflow.jmeter.config.ShopSettings;

/**
 * What a sample may show of an exchange: the same heads and bodies with every secret value replaced by
 * {@code ***} — the auth header's token, cookie values in Cookie and Set-Cookie, and the token in the login
 * answer. Names stay, so a reader still sees which header or cookie was there. Samples go to listeners and
 * result files under any save setting, so nothing secret may reach them.
 */
final class SecretMasks {

    static final String MASK = "***";
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();
    /** Schemes of the HTTP Authorization Manager's credentials, shown in front of the mask. */
    private static final String[] HTTP_AUTH_SCHEMES = {"Basic ", "Digest "};

    private SecretMasks() {
    }

    /**
     * The request head with the auth header's token and the Cookie header's values masked. An HTTP Authorization
     * Manager's Basic or Digest credentials in the auth header show as {@code Basic ***} or {@code Digest ***}, so that
     * a reader sees which was sent, not as the shop's token template.
     */
    static String requestHead(String head, ShopSettings settings) {
        String name = settings.authHeaderName();
        String masked = name == null ? head : replaceHeaderValues(head, name, value -> authValue(value, settings));
        if (name == null || !name.equalsIgnoreCase("Authorization")) {
            // the shop's token travels in a header of its own: Authorization is the Authorization Manager's
            masked = replaceHeaderValues(masked, "Authorization", value -> authValue(value, null));
        }
        return replaceHeaderValues(masked, "Cookie", SecretMasks::cookieValues);
    }

    private static String authValue(String value, ShopSettings settings) {
        for (String scheme : HTTP_AUTH_SCHEMES) {
            if (value.regionMatches(true, 0, scheme, 0, scheme.length())) {
                return scheme + MASK;
            }
        }
        return settings == null ? MASK : settings.authHeaderValue().render(MASK);
    }

    /** The answer's head with the value of each Set-Cookie masked, its attributes (Path, Expires …) kept. */
    static String responseHead(String head) {
        return replaceHeaderValues(head, "Set-Cookie", SecretMasks::setCookieValue);
    }

    /**
     * The answer's body with the value at the token pointer replaced by {@code "***"}, the JSON's shape kept;
     * the body as it is when it is not JSON or has no value there (a failed login carries no token).
     */
    static byte[] tokenInBody(byte[] body, JsonPointer tokenPointer) {
        if (body.length == 0 || tokenPointer.matches()) {
            return body;
        }
        try {
            JsonNode root = MAPPER.readTree(body);
            JsonNode parent = root == null ? null : root.at(tokenPointer.head());
            if (parent instanceof ObjectNode object && object.has(tokenPointer.last().getMatchingProperty())) {
                object.put(tokenPointer.last().getMatchingProperty(), MASK);
            } else if (parent instanceof ArrayNode array && tokenPointer.last().mayMatchElement()
                    && tokenPointer.last().getMatchingIndex() < array.size()) {
                array.set(tokenPointer.last().getMatchingIndex(), MASK);
            } else {
                return body;
            }
            return MAPPER.writeValueAsBytes(root);
        } catch (IOException e) {
            return body;
        }
    }

    /** {@code a=1; b=2} → {@code a=***; b=***}. */
    private static String cookieValues(String value) {
        StringBuilder masked = new StringBuilder(value.length());
        for (String pair : value.split(";")) {
            if (masked.length() > 0) {
                masked.append(';');
            }
            int eq = pair.indexOf('=');
            masked.append(eq < 0 ? pair : pair.substring(0, eq + 1) + MASK);
        }
        return masked.toString();
    }

    /** {@code id=abc; Path=/; HttpOnly} → {@code id=***; Path=/; HttpOnly}. */
    private static String setCookieValue(String value) {
        int eq = value.indexOf('=');
        if (eq < 0) {
            return MASK;
        }
        int end = value.indexOf(';', eq);
        return value.substring(0, eq + 1) + MASK + (end < 0 ? "" : value.substring(end));
    }

    /**
     * Rewrites the value of every line of the head that is the named header (any case); the head itself when
     * there is none. One pass over the line starts and no copy unless the header is there: this runs for every
     * request and answer.
     */
    private static String replaceHeaderValues(String head, String name, UnaryOperator<String> mask) {
        StringBuilder out = null;
        int copied = 0;
        for (int start = head.indexOf('\n') + 1; start > 0 && start < head.length();
                start = head.indexOf('\n', start) + 1) {
            if (head.regionMatches(true, start, name, 0, name.length())
                    && head.length() > start + name.length() && head.charAt(start + name.length()) == ':') {
                int end = head.indexOf('\n', start);
                int lineEnd = end < 0 ? head.length() : (end > start && head.charAt(end - 1) == '\r' ? end - 1 : end);
                String value = head.substring(start + name.length() + 1, lineEnd).trim();
                if (out == null) {
                    out = new StringBuilder(head.length());
                }
                out.append(head, copied, start).append(name).append(": ").append(mask.apply(value));
                copied = lineEnd;
            }
        }
        return out == null ? head : out.append(head, copied, head.length()).toString();
    }
}
