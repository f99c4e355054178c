package dev.orderflow.jmeter.http;

/** What may stand after the method in a request line: an absolute path with optional query. */
public final class RequestTargets {

    private RequestTargets() {
    }

    /** True for a path that starts with / and holds only visible ASCII (percent-encode the rest). */
    public static boolean isValid(String target) {
        if (target.isEmpty() || target.charAt(0) != '/') {
            return false;
        }
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c <= 32 || c >= 127 || c == '#') {
                return false;
            }
        }
        return true;
    }
}
