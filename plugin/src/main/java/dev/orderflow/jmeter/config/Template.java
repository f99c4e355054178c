package dev.orderflow.jmeter.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A text with {@code {name}} placeholders, such as a request body {@code {"username":{username}}} or an
 * auth header value {@code Token {token}}. Only the names it is made with are placeholders; any other
 * brace is text, so JSON bodies need no escaping.
 */
public final class Template {

    private final String source;
    private final List<String> literals;
    private final List<String> placeholders;

    private Template(String source, List<String> literals, List<String> placeholders) {
        this.source = source;
        this.literals = literals;
        this.placeholders = placeholders;
    }

    /** Parses the text, treating {@code {n}} as a placeholder for every n in names. */
    public static Template parse(String source, Set<String> names) {
        List<String> literals = new ArrayList<>();
        List<String> placeholders = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '{') {
                int close = source.indexOf('}', i + 1);
                String name = close < 0 ? null : source.substring(i + 1, close);
                if (name != null && names.contains(name)) {
                    literals.add(literal.toString());
                    literal.setLength(0);
                    placeholders.add(name);
                    i = close + 1;
                    continue;
                }
            }
            literal.append(c);
            i++;
        }
        literals.add(literal.toString());
        return new Template(source, List.copyOf(literals), List.copyOf(placeholders));
    }

    public boolean uses(String name) {
        return placeholders.contains(name);
    }

    /** The text with each placeholder replaced by the value the function gives for its name. */
    public String render(java.util.function.Function<String, String> values) {
        StringBuilder out = new StringBuilder(source.length() + 32);
        for (int i = 0; i < placeholders.size(); i++) {
            out.append(literals.get(i)).append(values.apply(placeholders.get(i)));
        }
        return out.append(literals.get(literals.size() - 1)).toString();
    }

    /** Renders a template with a single placeholder without building a function. */
    public String render(String value) {
        if (placeholders.isEmpty()) {
            return source;
        }
        return render(name -> value);
    }

    @Override
    public String toString() {
        return source;
    }
}
