package dev.orderflow.jmeter.http;

/** One header line of a request or a response. */
public record HttpHeader(String name, String value) {

    public HttpHeader {
        if (name == null || name.isEmpty() || !isToken(name)) {
            throw new IllegalArgumentException("not a valid header name: '" + name + "'");
        }
        if (value == null || !isFieldValue(value)) {
            // A CR or LF here would let a value start a header or a request of its own
            throw new IllegalArgumentException("header " + name + " has a value with control characters");
        }
    }

    private static boolean isToken(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c > 32 && c < 127 && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean isFieldValue(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 32 && c != '\t') || c == 127 || c > 255) {
                return false;
            }
        }
        return true;
    }
}
