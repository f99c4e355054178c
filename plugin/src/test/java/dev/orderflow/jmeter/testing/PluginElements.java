package dev.orderflow.jmeter.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jmeter.gui.JMeterGUIComponent;
import org.apache.jmeter.testbeans.TestBean;
import org.apache.jmeter.testelement.TestElement;

import dev.orderflow.jmeter.config.ShopConnection;

/**
 * Every test element and GUI the plugin ships, found by scanning its compiled classes the way
 * JMeter's menus find them in lib/ext: elements that land later are covered without a list to keep.
 */
public final class PluginElements {

    private PluginElements() {
    }

    /** Concrete test element classes with a public no-argument constructor. */
    public static List<Class<? extends TestElement>> elementClasses() {
        List<Class<? extends TestElement>> found = new ArrayList<>();
        for (Class<?> type : pluginClasses()) {
            if (TestElement.class.isAssignableFrom(type) && instantiable(type)) {
                found.add(type.asSubclass(TestElement.class));
            }
        }
        return found;
    }

    /** Hand-written GUI classes (TestBeans get JMeter's generic form instead). */
    public static List<Class<? extends JMeterGUIComponent>> guiClasses() {
        List<Class<? extends JMeterGUIComponent>> found = new ArrayList<>();
        for (Class<?> type : pluginClasses()) {
            if (JMeterGUIComponent.class.isAssignableFrom(type) && instantiable(type)) {
                found.add(type.asSubclass(JMeterGUIComponent.class));
            }
        }
        return found;
    }

    public static boolean isTestBean(Class<?> type) {
        return TestBean.class.isAssignableFrom(type);
    }

    private static boolean instantiable(Class<?> type) {
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers()) || !Modifier.isPublic(type.getModifiers())
                || type.isMemberClass() && !Modifier.isStatic(type.getModifiers())) {
            return false;
        }
        try {
            return Modifier.isPublic(type.getConstructor().getModifiers());
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static List<Class<?>> pluginClasses() {
        Path root;
        try {
            root = Path.of(ShopConnection.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        Path packageRoot = root.resolve("dev/orderflow/jmeter");
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(packageRoot)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class"))
                    .sorted(Comparator.naturalOrder()).toList()) {
                String relative = root.relativize(file).toString();
                if (relative.contains("/shaded/")) {
                    continue;
                }
                String name = relative.substring(0, relative.length() - ".class".length()).replace('/', '.');
                classes.add(Class.forName(name, false, PluginElements.class.getClassLoader()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        return classes;
    }
}
