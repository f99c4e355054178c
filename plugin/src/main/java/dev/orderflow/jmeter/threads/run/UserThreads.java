package dev.orderflow.jmeter.threads.run;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;

/**
 * Makes the threads virtual users run on: virtual threads on Java 21 and newer, platform threads otherwise.
 *
 * <p>The plugin is compiled for Java 17, where {@code Thread.ofVirtual()} does not exist, so the virtual
 * thread factory is reached through method handles at run time.
 */
public final class UserThreads {

    private final ThreadFactory factory;
    private final boolean virtual;

    private UserThreads(ThreadFactory factory, boolean virtual) {
        this.factory = factory;
        this.virtual = virtual;
    }

    /** Virtual threads when wanted and this JVM has them, platform threads otherwise. */
    public static UserThreads choose(boolean wantVirtual) {
        if (wantVirtual) {
            Optional<ThreadFactory> virtualFactory = virtualThreadFactory();
            if (virtualFactory.isPresent()) {
                return new UserThreads(virtualFactory.get(), true);
            }
        }
        return platform();
    }

    public static UserThreads platform() {
        return new UserThreads(Thread::new, false);
    }

    /** True when this JVM can run virtual threads without preview features (Java 21+). */
    public static boolean virtualThreadsAvailable() {
        return virtualThreadFactory().isPresent();
    }

    public boolean virtual() {
        return virtual;
    }

    /** A new, unstarted thread named {@code name} that runs {@code body}. */
    public Thread newThread(Runnable body, String name) {
        Thread thread = factory.newThread(body);
        thread.setName(name);
        return thread;
    }

    /** For the run's log: which threads and which Java. */
    public String describe() {
        return (virtual ? "virtual threads" : "platform threads") + " (Java " + Runtime.version().feature() + ")";
    }

    private static Optional<ThreadFactory> virtualThreadFactory() {
        if (Runtime.version().feature() < 21) {
            // Java 19 and 20 have virtual threads only as a preview feature: not used.
            return Optional.empty();
        }
        try {
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            Class<?> builder = Class.forName("java.lang.Thread$Builder");
            Class<?> ofVirtual = Class.forName("java.lang.Thread$Builder$OfVirtual");
            MethodHandle newBuilder = lookup.findStatic(Thread.class, "ofVirtual", MethodType.methodType(ofVirtual));
            MethodHandle toFactory = lookup.findVirtual(builder, "factory", MethodType.methodType(ThreadFactory.class));
            return Optional.of((ThreadFactory) toFactory.invoke(newBuilder.invoke()));
        } catch (Error e) {
            throw e;
        } catch (Throwable e) {
            // Not there after all (an unusual JVM): platform threads it is.
            return Optional.empty();
        }
    }
}
