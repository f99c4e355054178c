package dev.orderflow.jmeter.threads.shape;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.codehaus.groovy.control.CompilationFailedException;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.codehaus.groovy.control.MultipleCompilationErrorsException;
import org.codehaus.groovy.control.customizers.ASTTransformationCustomizer;
import org.codehaus.groovy.control.messages.Message;
import org.codehaus.groovy.control.messages.SyntaxErrorMessage;
import org.codehaus.groovy.syntax.SyntaxException;

import groovy.lang.Binding;
import groovy.lang.GroovyClassLoader;
import groovy.lang.GroovyCodeSource;
import groovy.lang.Script;
import groovy.transform.ThreadInterrupt;

/**
 * A compiled shape script: Groovy source that defines {@code tick(elapsedSeconds)} returning
 * {@code [users, spawnRate]}, or {@code null} to end the test, the way Locust's
 * {@code LoadTestShape.tick()} does. Compiling checks the syntax and that {@code tick} exists; every error
 * names the line.
 *
 * <p>Every run of the script's code is bounded by a time limit ({@link TimeBoundCall}): a script that loops or
 * blocks fails the test naming the line it was stuck at, instead of hanging the start or the run.
 */
public final class ShapeScript {

    /** The name the script compiles under; stack traces of the script carry it as their file name. */
    static final String SCRIPT_NAME = "OrderFlowShape";
    private static final String FILE_NAME = SCRIPT_NAME + ".groovy";
    /** Above this a tick result is taken for a mistake rather than a load. */
    static final int MAX_USERS = 1_000_000;

    private final String source;
    private final Class<? extends Script> scriptClass;

    private ShapeScript(String source, Class<? extends Script> scriptClass) {
        this.source = source;
        this.scriptClass = scriptClass;
    }

    /** Compiles the source, or throws naming the line at fault. */
    public static ShapeScript compile(String source) {
        String field = ShapeField.SCRIPT.label();
        if (source == null || source.isBlank()) {
            throw new ShapeDefinitionException(field,
                    "is empty: define tick(elapsedSeconds) returning [users, spawnRate], or null to end the test");
        }
        Class<?> compiled;
        // The loader stays open: the compiled class (and its closures) live as long as the shape does.
        GroovyClassLoader loader = new GroovyClassLoader(ShapeScript.class.getClassLoader(), compilerConfiguration());
        try {
            compiled = loader.parseClass(new GroovyCodeSource(source, FILE_NAME, "/groovy/script"), false);
        } catch (MultipleCompilationErrorsException e) {
            throw compileError(field, e);
        } catch (CompilationFailedException e) {
            throw new ShapeDefinitionException(field, "does not compile: " + e.getMessage(), e);
        }
        if (!Script.class.isAssignableFrom(compiled)) {
            throw new ShapeDefinitionException(field,
                    "must be a script defining tick(elapsedSeconds), not a class declaration");
        }
        boolean hasTick = Arrays.stream(compiled.getDeclaredMethods())
                .map(Method::getName)
                .anyMatch("tick"::equals);
        if (!hasTick) {
            throw new ShapeDefinitionException(field,
                    "defines no tick(elapsedSeconds) method;"
                            + " add: def tick(elapsedSeconds) { … return [users, spawnRate] }");
        }
        return new ShapeScript(source, compiled.asSubclass(Script.class));
    }

    /**
     * Groovy 3 (JMeter 5.6.3's) resolves classes by reading their class files with its own ASM, which cannot
     * read the JDK's own classes from Java 22 on; resolving them by loading them works on every JDK.
     * {@code ThreadInterrupt} puts an interrupt check into every loop, closure and method of the script, so the
     * interrupt sent when a call passes its time limit ends a script that loops forever.
     */
    private static CompilerConfiguration compilerConfiguration() {
        CompilerConfiguration configuration = new CompilerConfiguration();
        configuration.getOptimizationOptions().put("asmResolving", Boolean.FALSE);
        configuration.addCompilationCustomizers(new ASTTransformationCustomizer(ThreadInterrupt.class));
        return configuration;
    }

    public String source() {
        return source;
    }

    /**
     * A fresh instance of the shape for one run (or one preview): the script body runs once, then
     * {@link Ticker#tick(double)} may be called.
     *
     * @param timeLimit how long the script body and each tick may take
     * @throws ShapeDefinitionException when the body fails or passes the time limit, naming the line
     */
    public Ticker newTicker(Duration timeLimit) {
        Script script;
        try {
            script = scriptClass.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot instantiate the compiled shape script", e);
        }
        script.setBinding(new Binding());
        bounded(timeLimit, "while running the script body", script::run);
        return new Ticker(script, timeLimit);
    }

    /** One run's instance of the shape. Not thread-safe: one caller asks it, in time order. */
    public static final class Ticker {
        private final Script script;
        private final Duration timeLimit;

        private Ticker(Script script, Duration timeLimit) {
            this.script = script;
            this.timeLimit = timeLimit;
        }

        /**
         * Asks the shape for the load at {@code elapsedSeconds} of shape time.
         *
         * @return the users and spawn rate (per second of shape time), or empty when the test should end
         * @throws ShapeDefinitionException when the script fails or passes the time limit (naming the line) or
         *         returns nonsense
         */
        public Optional<Target> tick(double elapsedSeconds) {
            Object result = bounded(timeLimit, "in tick(" + elapsedSeconds + ")",
                    () -> script.invokeMethod("tick", elapsedSeconds));
            return interpret(result, elapsedSeconds);
        }
    }

    private static Object bounded(Duration timeLimit, String where, Callable<Object> call) {
        try {
            return TimeBoundCall.within(timeLimit, "orderflow-shape-script", call);
        } catch (TimeBoundCall.TimedOut e) {
            int line = scriptLine(e.stackAtTimeOut());
            String field = ShapeField.SCRIPT.label();
            throw new ShapeDefinitionException(line > 0 ? field + " line " + line : field,
                    "did not return " + where + " within " + Durations.toSeconds(timeLimit) + " s ("
                            + ShapeField.TICK_TIME_LIMIT.label() + "): it loops or waits too long");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShapeDefinitionException(ShapeField.SCRIPT.label(),
                    "was interrupted " + where + ": the test is stopping");
        } catch (RuntimeException e) {
            throw runtimeError(where, e);
        }
    }

    static Optional<Target> interpret(Object result, double elapsedSeconds) {
        if (result == null) {
            return Optional.empty();
        }
        List<?> pair = result instanceof List<?> list ? list
                : result instanceof Object[] array ? Arrays.asList(array)
                : null;
        if (pair == null || pair.size() != 2
                || !(pair.get(0) instanceof Number users) || !(pair.get(1) instanceof Number rate)) {
            throw nonsense(elapsedSeconds, result, "expected [users, spawnRate] or null");
        }
        double userCount = users.doubleValue();
        double spawnRate = rate.doubleValue();
        if (!Double.isFinite(userCount) || userCount < 0 || userCount != Math.rint(userCount)
                || userCount > MAX_USERS) {
            throw nonsense(elapsedSeconds, result, "users must be a whole number from 0 to " + MAX_USERS);
        }
        if (!Double.isFinite(spawnRate) || spawnRate <= 0) {
            throw nonsense(elapsedSeconds, result, "spawn rate must be more than 0 users/s");
        }
        return Optional.of(new Target((int) userCount, spawnRate));
    }

    private static ShapeDefinitionException nonsense(double elapsedSeconds, Object result, String expectation) {
        return new ShapeDefinitionException(ShapeField.SCRIPT.label(),
                "tick(" + elapsedSeconds + ") returned " + render(result) + ": " + expectation);
    }

    private static String render(Object result) {
        String text = result instanceof Object[] array ? Arrays.toString(array) : String.valueOf(result);
        return text.length() > 80 ? text.substring(0, 77) + "…" : text;
    }

    private static ShapeDefinitionException compileError(String field, MultipleCompilationErrorsException e) {
        Message first = e.getErrorCollector().getErrorCount() > 0 ? e.getErrorCollector().getError(0) : null;
        if (first instanceof SyntaxErrorMessage syntax) {
            SyntaxException cause = syntax.getCause();
            return new ShapeDefinitionException(field + " line " + cause.getLine(),
                    "does not compile (column " + cause.getStartColumn() + "): " + cause.getOriginalMessage(), e);
        }
        return new ShapeDefinitionException(field, "does not compile: " + e.getMessage(), e);
    }

    private static ShapeDefinitionException runtimeError(String where, RuntimeException e) {
        String field = ShapeField.SCRIPT.label();
        int line = scriptLine(e);
        String location = line > 0 ? field + " line " + line : field;
        return new ShapeDefinitionException(location, "failed " + where + ": " + e, e);
    }

    /** The line of the script where the failure happened, or -1 when the script is not on the stack. */
    static int scriptLine(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            int line = scriptLine(t.getStackTrace());
            if (line > 0) {
                return line;
            }
        }
        return -1;
    }

    /** The innermost line of the script on a stack, or -1 when the script is not on it. */
    static int scriptLine(StackTraceElement[] stack) {
        for (StackTraceElement frame : stack) {
            if (FILE_NAME.equals(frame.getFileName()) && frame.getLineNumber() > 0) {
                return frame.getLineNumber();
            }
        }
        return -1;
    }
}
