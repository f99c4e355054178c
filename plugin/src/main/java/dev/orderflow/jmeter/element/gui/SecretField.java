package dev.orderflow.jmeter.element.gui;

import java.util.regex.Pattern;

import javax.swing.JPasswordField;

/**
 * A field for a secret such as the shop's admin key: a value of its own is masked, but an empty field looks empty
 * and a reference such as {@code ${__P(admin_key,)}} (with no default in it) is shown as written, since it names where
 * the secret comes from rather than being it.
 */
final class SecretField extends JPasswordField {

    private static final long serialVersionUID = 1L;
    /** A variable or a property without a default in it: it names the secret's source and holds nothing secret. */
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{(?:[\\w.]+|__P\\(\\s*[\\w.]+\\s*,?\\s*\\))}");
    private final char mask;

    SecretField(int columns) {
        super(columns);
        mask = getEchoChar();
        getDocument().addDocumentListener(new OnEdit(this::showOrMask));
        showOrMask();
    }

    /** True while the field shows its text in clear: it is empty or only an expression. */
    boolean showsInClear() {
        return getEchoChar() == 0;
    }

    private void showOrMask() {
        String text = new String(getPassword()).trim();
        setEchoChar(text.isEmpty() || REFERENCE.matcher(text).matches() ? (char) 0 : mask);
    }
}
