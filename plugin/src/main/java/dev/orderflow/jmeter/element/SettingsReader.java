package dev.orderflow.jmeter.element;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.apache.jmeter.testelement.TestElement;

/**
 * Reads an orderflow element's settings through its {@link OrderFlowSchema}, the one way every element does it:
 * each typed read checks its value, and instead of stopping at the first wrong one the reader collects a sentence
 * per problem, naming the setting by label and saved name. {@link #check()} then refuses them all at once with
 * an {@link InvalidSettingsException} that names the element too. A secret is never quoted.
 */
public final class SettingsReader {

    private final OrderFlowSchema schema;
    private final String elementName;
    private final Function<Setting, String> values;
    private final List<String> problems = new ArrayList<>();

    private SettingsReader(OrderFlowSchema schema, String elementName, Function<Setting, String> values) {
        this.schema = schema;
        this.elementName = elementName;
        this.values = values;
    }

    /** Reads the values a function gives (null means the setting's default). */
    public static SettingsReader of(OrderFlowSchema schema, String elementName, Function<Setting, String> values) {
        return new SettingsReader(schema, elementName, values);
    }

    /** Reads the element's own values; in a running element JMeter has already made its expressions evaluate. */
    public static SettingsReader of(OrderFlowSchema schema, TestElement element) {
        return new SettingsReader(schema, element.getName(), setting -> setting.read(element));
    }

    /** The name of the element read, as messages give it. */
    public String elementName() {
        return elementName;
    }

    /** The value as written, not trimmed. */
    public String raw(Setting setting) {
        String value = values.apply(setting);
        return value == null ? setting.defaultValue() : value;
    }

    /** The value, trimmed; may be empty. */
    public String text(Setting setting) {
        return raw(setting).trim();
    }

    /** The value, trimmed; an empty one is a problem. */
    public String required(Setting setting) {
        String text = text(setting);
        if (text.isEmpty()) {
            problem(setting, "is empty");
        }
        return text;
    }

    /** A whole number from min to max; 0 (with a problem) when it is not. */
    public int integer(Setting setting, int min, int max) {
        Long number = wholeNumber(setting, false, min, max);
        return number == null ? 0 : number.intValue();
    }

    /** A whole number from min to max, or null when empty. */
    public Long optionalInteger(Setting setting, long min, long max) {
        return wholeNumber(setting, true, min, max);
    }

    private Long wholeNumber(Setting setting, boolean emptyAllowed, long min, long max) {
        String text = text(setting);
        if (text.isEmpty() && emptyAllowed) {
            return null;
        }
        long number;
        try {
            number = Long.parseLong(text);
        } catch (NumberFormatException e) {
            problem(setting, quote(setting, text) + " is not a whole number");
            return null;
        }
        if (number < min || number > max) {
            problem(setting, quote(setting, text) + " is not " + range(min, max));
            return null;
        }
        return number;
    }

    /** A number from min to max, or null when empty (then the setting is off). */
    public Double optionalNumber(Setting setting, double min, double max) {
        String text = text(setting);
        if (text.isEmpty()) {
            return null;
        }
        double number;
        try {
            number = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            problem(setting, quote(setting, text) + " is not a number");
            return null;
        }
        if (!Double.isFinite(number)) {
            problem(setting, quote(setting, text) + " is not a number");
            return null;
        }
        if (number < min || number > max) {
            problem(setting, quote(setting, text) + " is not " + range(min, max));
            return null;
        }
        return number;
    }

    /** true or false, in any case. */
    public boolean flag(Setting setting) {
        String text = text(setting).toLowerCase(Locale.ROOT);
        if (!text.equals("true") && !text.equals("false")) {
            problem(setting, quote(setting, text) + " is not true or false");
        }
        return text.equals("true");
    }

    /** One of the setting's choices, in any case; returned as the choice is spelled. */
    public String choice(Setting setting) {
        String text = text(setting);
        for (String choice : setting.choices()) {
            if (choice.equalsIgnoreCase(text)) {
                return choice;
            }
        }
        List<String> choices = setting.choices();
        String last = choices.get(choices.size() - 1);
        String others = String.join(", ", choices.subList(0, choices.size() - 1));
        problem(setting, quote(setting, text) + " is not " + (others.isEmpty() ? last : others + " or " + last));
        return setting.defaultValue();
    }

    /** Records that a setting is wrong: the sentence follows "Label (name): ". */
    public void problem(Setting setting, String sentence) {
        problems.add(setting.describe() + ": " + sentence);
    }

    /** Records a problem that no single setting owns. */
    public void problem(String sentence) {
        problems.add(sentence);
    }

    /** The value in quotes for a message, or a placeholder for a secret. */
    public String quote(Setting setting, String value) {
        return setting.secret() ? "(the value, not shown,)" : "'" + value + "'";
    }

    public List<String> problems() {
        return List.copyOf(problems);
    }

    /**
     * Refuses the settings read so far when any was wrong.
     *
     * @throws InvalidSettingsException naming the element and every wrong setting
     */
    public void check() {
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(schema.elementKind(), elementName, problems);
        }
    }

    private static String range(double min, double max) {
        String low = format(min);
        if (max == Integer.MAX_VALUE || max == Long.MAX_VALUE || Double.isInfinite(max)) {
            return min == 0 ? "0 or more" : "at least " + low;
        }
        return "from " + low + " to " + format(max);
    }

    private static String format(double number) {
        return number == Math.rint(number) ? Long.toString((long) number) : Double.toString(number);
    }
}
