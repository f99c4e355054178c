package dev.orderflow.jmeter.element.gui;

import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;

/** A document listener that runs one action on every edit of a text, whatever the kind of edit. */
public final class OnEdit implements DocumentListener {

    private final Runnable action;

    public OnEdit(Runnable action) {
        this.action = action;
    }

    @Override
    public void insertUpdate(DocumentEvent e) {
        action.run();
    }

    @Override
    public void removeUpdate(DocumentEvent e) {
        action.run();
    }

    @Override
    public void changedUpdate(DocumentEvent e) {
        action.run();
    }
}
