package dev.orderflow.jmeter.testing;

import java.awt.Component;
import java.awt.Container;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

import javax.imageio.ImageIO;
import javax.swing.JFrame;
import javax.swing.JScrollBar;
import javax.swing.JScrollPane;
import javax.swing.JViewport;
import javax.swing.SwingUtilities;

import org.apache.jmeter.gui.JMeterGUIComponent;

/**
 * One element's form shown the way JMeter's GUI shows it, at JMeter's default size, painted to a PNG, with what
 * is wrong with it: wider than the view, a component cut off or squeezed below its minimum, nothing painted, or
 * whatever the caller's own check finds in the shown form. Needs a display ({@link VirtualDisplay}).
 *
 * <p>JMeter sizes its window to 80 % of the screen (JMeter.startGui, ComponentUtil.centerComponentInWindow(main,
 * 80)); on a 1280×800 screen that is 1024×640, of which the tree, menu, tool bar and borders leave the element's
 * form about 790×530, inside a scroll pane as in JMeter's main frame.
 */
public final class FormShot {

    public static final Dimension SCREEN = new Dimension(1280, 800);
    public static final Dimension FORM_VIEW = new Dimension(790, 530);

    /** What the caller checks in the shown, laid-out form; runs on Swing's event thread. */
    @FunctionalInterface
    public interface Check {
        void inspect(Component form, List<String> problems) throws IOException;
    }

    private FormShot() {
    }

    /**
     * Shows the form, lets it settle for {@code settleMillis} (a form that redraws on a timer), checks it and writes
     * it to {@code png}.
     *
     * @return what is wrong with the form; empty when nothing is
     */
    public static List<String> take(Supplier<JMeterGUIComponent> form, Path png, int settleMillis, Check check) {
        List<String> problems = new ArrayList<>();
        JFrame[] frame = new JFrame[1];
        Component[] root = new Component[1];
        try {
            SwingUtilities.invokeAndWait(() -> {
                root[0] = (Component) form.get();
                JScrollPane scroll = new JScrollPane(root[0]);
                scroll.setPreferredSize(FORM_VIEW);
                frame[0] = new JFrame(png.getFileName().toString());
                frame[0].setContentPane(scroll);
                frame[0].pack();
                frame[0].setVisible(true);
            });
            Thread.sleep(settleMillis);
            SwingUtilities.invokeAndWait(() -> {
                try {
                    inspect(frame[0], root[0], png, check, problems);
                } catch (IOException e) {
                    problems.add("cannot write its PNG: " + e);
                } finally {
                    frame[0].dispose();
                }
            });
        } catch (Exception | Error e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            problems.add("failed to render: " + cause);
            cause.printStackTrace(); // NOSONAR the renderer's log is where a person looks for the why
            if (frame[0] != null) {
                SwingUtilities.invokeLater(frame[0]::dispose);
            }
        }
        return problems;
    }

    private static void inspect(JFrame frame, Component view, Path png, Check check, List<String> problems)
            throws IOException {
        JScrollPane content = (JScrollPane) frame.getContentPane();
        // a wrapping text knows its height only once it has its width: lay out again, as Swing does on show
        invalidateAll(view);
        content.validate();
        int viewWidth = content.getViewport().getExtentSize().width;
        if (view.getPreferredSize().width > viewWidth) {
            problems.add("needs " + view.getPreferredSize().width + " px of width, JMeter's default gives "
                    + viewWidth);
        }
        checkBounds(view, problems);
        check.inspect(view, problems);
        write(content, png, problems);
    }

    /** Paints a shown component to a PNG; a picture of fewer than four colours counts as painting nothing. */
    public static void write(Component component, Path png, List<String> problems) throws IOException {
        BufferedImage image = new BufferedImage(Math.max(1, component.getWidth()), Math.max(1, component.getHeight()),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            component.paint(g);
        } finally {
            g.dispose();
        }
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        if (colours.size() < 4) {
            problems.add(png.getFileName() + " painted almost nothing (" + colours.size() + " colours)");
        }
        ImageIO.write(image, "png", png.toFile());
    }

    private static void invalidateAll(Component component) {
        component.invalidate();
        if (component instanceof Container container) {
            for (Component child : container.getComponents()) {
                invalidateAll(child);
            }
        }
    }

    /** Every showing component lies inside its parent and gets at least its minimum size; a scrolled view may not. */
    private static void checkBounds(Component component, List<String> problems) {
        if (!(component instanceof Container container)) {
            return;
        }
        for (Component child : container.getComponents()) {
            if (!child.isVisible()) {
                continue;
            }
            if (!(container instanceof JViewport)) {
                Rectangle r = child.getBounds();
                if (r.x < 0 || r.y < 0 || r.x + r.width > container.getWidth() + 1
                        || r.y + r.height > container.getHeight() + 1) {
                    problems.add(describe(child) + " is cut off: " + r + " in " + describe(container) + " of "
                            + container.getSize());
                }
                Dimension minimum = child.getMinimumSize();
                // a scroll bar's own arrow buttons are drawn a little under their minimum by Swing itself
                if (!(container instanceof JScrollBar) && r.width > 0
                        && (r.width < minimum.width - 1 || r.height < minimum.height - 1)) {
                    problems.add(describe(child) + " is squeezed to " + r.width + "×" + r.height
                            + " below its minimum " + minimum.width + "×" + minimum.height);
                }
            }
            checkBounds(child, problems);
        }
    }

    /** The first component, depth first, of the given simple class name; null when there is none. */
    public static Component find(Component component, String simpleClassName) {
        return find(component, c -> c.getClass().getSimpleName().equals(simpleClassName));
    }

    /** The first component, depth first, of the given name; null when there is none. */
    public static Component findNamed(Component component, String name) {
        return find(component, c -> name.equals(c.getName()));
    }

    private static Component find(Component component, Predicate<Component> wanted) {
        List<Component> found = findAll(component, wanted);
        return found.isEmpty() ? null : found.get(0);
    }

    /** Every component, depth first, that the predicate wants. */
    public static List<Component> findAll(Component component, Predicate<Component> wanted) {
        List<Component> found = new ArrayList<>();
        collect(component, wanted, found);
        return found;
    }

    private static void collect(Component component, Predicate<Component> wanted, List<Component> found) {
        if (wanted.test(component)) {
            found.add(component);
        }
        if (component instanceof Container container) {
            for (Component child : container.getComponents()) {
                collect(child, wanted, found);
            }
        }
    }

    private static String describe(Component component) {
        String name = component.getName();
        return component.getClass().getSimpleName() + (name == null ? "" : " '" + name + "'");
    }
}
