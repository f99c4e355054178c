package dev.orderflow.jmeter.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.apache.jmeter.testelement.TestElement;
import org.apache.jmeter.testelement.TestPlan;
import org.apache.jmeter.threads.ThreadGroup;
import org.apache.jorphan.collections.HashTree;
import org.apache.jorphan.collections.ListedHashTree;

import dev.orderflow.jmeter.config.ShopConnectionSchema;
import dev.orderflow.jmeter.sampler.AddToCartSampler;
import dev.orderflow.jmeter.sampler.CreateOrderSampler;
import dev.orderflow.jmeter.sampler.ListProductsSampler;
import dev.orderflow.jmeter.sampler.LoginSampler;
import dev.orderflow.jmeter.testing.JMeterEnvironment;
import dev.orderflow.jmeter.testing.Plans;

/**
 * Measures the CPU time this JVM spends per HTTP request while it runs the order flow against a shop
 * in another process: either with the orderflow samplers ({@code --plan orderflow}) or with JMeter's
 * stock HTTP Request sampler and JSON Extractors ({@code --plan stock}). One JVM runs one plan: a
 * warm-up run (not measured, lets the JIT compile), then the measured run; the process CPU time of
 * the measured run (all threads: samplers, engine, GC, JIT) divided by its requests is the figure.
 *
 * <p>Started by {@code bench/samplers/run.sh}, which alternates the two plans in fresh JVMs and
 * prints the ratio. Prints one line starting with {@code RESULT}.
 */
public final class SamplerCpuBenchmark {

    private SamplerCpuBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        String plan = options.getOrDefault("plan", "orderflow");
        URI shop = URI.create(options.getOrDefault("shop", "http://127.0.0.1:8000"));
        Path users = Path.of(options.getOrDefault("users-csv", "csv-data/users.csv")).toAbsolutePath();
        int userCount = Integer.parseInt(options.getOrDefault("users", "50"));
        int iterations = Integer.parseInt(options.getOrDefault("iterations", "100"));
        int warmupIterations = Integer.parseInt(options.getOrDefault("warmup-iterations", "40"));
        if (!plan.equals("orderflow") && !plan.equals("stock")) {
            throw new IllegalArgumentException("--plan must be orderflow or stock, not " + plan);
        }
        if (!"127.0.0.1".equals(shop.getHost()) && !"localhost".equals(shop.getHost())) {
            throw new IllegalArgumentException("load goes to 127.0.0.1 or localhost only, not " + shop.getHost());
        }
        JMeterEnvironment.init();

        run(plan, shop, users, userCount, warmupIterations);
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        System.gc();
        long cpuBefore = os.getProcessCpuTime();
        long wallBefore = System.nanoTime();
        CountingListener counted = run(plan, shop, users, userCount, iterations);
        long cpuNanos = os.getProcessCpuTime() - cpuBefore;
        long wallNanos = System.nanoTime() - wallBefore;

        System.out.printf(Locale.ROOT,
                "RESULT plan=%s users=%d iterations=%d samples=%d requests=%d failed=%d orders=%d "
                        + "cpu_ms=%d wall_ms=%d cpu_us_per_request=%.1f requests_per_s=%.0f%n",
                plan, userCount, iterations, counted.samples(), counted.requests(), counted.failures(),
                counted.orders(), cpuNanos / 1_000_000, wallNanos / 1_000_000, cpuNanos / 1e3 / counted.requests(),
                counted.requests() / (wallNanos / 1e9));
        for (String failure : counted.firstFailures()) {
            System.err.println("failed sample: " + failure);
        }
        System.exit(0); // JMeter leaves non-daemon threads behind (timers, RMI); the figure is printed
    }

    private static CountingListener run(String plan, URI shop, Path users, int userCount, int iterations)
            throws Exception {
        CountingListener listener = new CountingListener();
        ThreadGroup group = Plans.threadGroup(userCount, iterations);
        HashTree tree = new ListedHashTree();
        HashTree planTree = tree.add(new TestPlan(plan));
        planTree.add(listener);
        HashTree groupTree = planTree.add(group);
        if (plan.equals("orderflow")) {
            groupTree.add(Plans.shopConnection(shop.getPort(),
                    Map.of(ShopConnectionSchema.USERS_FILE, users.toString())));
            for (TestElement sampler : new TestElement[] {Plans.named(new LoginSampler(), "orderflow: login"),
                    Plans.named(new ListProductsSampler(), "orderflow: list products"),
                    Plans.named(new AddToCartSampler(), "orderflow: add to cart"),
                    Plans.named(new CreateOrderSampler(), "orderflow: create order")}) {
                groupTree.add(sampler);
            }
        } else {
            StockOrderFlowPlan.addTo(groupTree, shop, users);
        }
        JMeterEnvironment.run(tree, Duration.ofMinutes(10));
        return listener;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }
}
