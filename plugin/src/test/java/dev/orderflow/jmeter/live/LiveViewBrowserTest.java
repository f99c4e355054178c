package dev.orderflow.jmeter.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.apache.jmeter.testelement.TestElement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.orderflow.jmeter.sampler.AddToCartSampler;
import dev.orderflow.jmeter.sampler.CreateOrderSampler;
import dev.orderflow.jmeter.sampler.ListProductsSampler;
import dev.orderflow.jmeter.sampler.LoginSampler;
import dev.orderflow.jmeter.summary.OrderSummaryListener;
import dev.orderflow.jmeter.summary.OrderSummaryListenerGui;
import dev.orderflow.jmeter.summary.OrderSummarySchema;
import dev.orderflow.jmeter.testing.JMeterEnvironment;
import dev.orderflow.jmeter.testing.Plans;
import dev.orderflow.jmeter.threads.OrderFlowThreadGroup;
import dev.orderflow.jmeter.threads.shape.ShapeKind;
import dev.orderflow.jmeter.threads.shape.ShapeSettings;
import dev.orderflow.shop.Shop;
import dev.orderflow.shop.ShopConfig;

/**
 * The live view in a real browser: headless Chromium watches a staged plan run against the reference shop. The page
 * loads without console errors, its users figure rises with the ramp, its final funnel is the order summary's, and
 * its screenshot lands in the run's report folder beside summary.json.
 */
class LiveViewBrowserTest {

    private static Shop shop;

    /** The run's report folder, kept after the build (under target/) so that a person can look at the screenshot. */
    private static final Path REPORT = Path.of("target", "live-view-browser-test");

    @TempDir
    Path profile;

    @BeforeAll
    static void startShop() {
        shop = Shop.start(ShopConfig.builder().port(0).dataDir(JMeterEnvironment.csvData()).adminKey("browser-test-key")
                .build());
    }

    @AfterAll
    static void stopShop() {
        shop.close();
    }

    @Test
    void thePageFollowsTheRunAndEndsWithTheSummarysFunnel() throws Exception {
        Chromium.ensureInstalled();
        Path report = fresh(REPORT);
        OrderFlowThreadGroup group = Plans.timedUsers(0, 1);
        group.setShape(ShapeKind.STAGES);
        group.setStages(List.of(new ShapeSettings.StageText("10", "6", "1"),
                new ShapeSettings.StageText("16", "12", "2")));
        OrderSummaryListener summary = new OrderSummaryListener();
        summary.setName("Order summary");
        summary.setProperty(TestElement.TEST_CLASS, OrderSummaryListener.class.getName());
        summary.setProperty(TestElement.GUI_CLASS, OrderSummaryListenerGui.class.getName());
        OrderSummarySchema.OUTPUT_DIR.write(summary, report.toString());
        OrderSummarySchema.PLAN.write(summary, "live view in a browser");
        OrderSummarySchema.MAX_ERROR_RATE.write(summary, "0");
        LiveViewListener live = new LiveViewListener();
        live.setName("Live view");
        live.setProperty(TestElement.TEST_CLASS, LiveViewListener.class.getName());
        live.setProperty(TestElement.GUI_CLASS, LiveViewListenerGui.class.getName());
        LiveViewSchema.PORT.write(live, "0");
        LiveViewSchema.ADDRESS.write(live, "127.0.0.1");

        // the browser is up before the run starts: the page is opened at the start of the ramp
        ChromeDriver browser = Chromium.start(profile);
        try (JMeterEnvironment.RunningTest run = JMeterEnvironment.start(Plans.plan(group,
                new TestElement[] {Plans.shopConnection(shop.port(), Map.of()), summary, live},
                Plans.named(new LoginSampler(), "login"), Plans.named(new ListProductsSampler(), "products"),
                Plans.named(new AddToCartSampler(), "cart"), Plans.named(new CreateOrderSampler(), "order")))) {
            String address = awaitAddress(live);
            browser.get(address);
            assertThat(browser.getTitle()).isEqualTo("orderflow: live view");

            List<Integer> users = new ArrayList<>();
            long until = System.currentTimeMillis() + 7000;
            while (System.currentTimeMillis() < until) {
                users.add(Integer.parseInt(browser.findElement(By.id("users-now")).getText().trim()));
                Thread.sleep(500);
            }
            assertThat(users.get(0)).as("users on the page at the ramp's start (1 user/s to 6)").isLessThan(4);
            assertThat(users.get(users.size() - 1)).as("users on the page 7 s into the ramp").isGreaterThanOrEqualTo(5);
            assertThat(users).as("the figure never falls during a ramp up").isSorted();

            run.awaitEnd(Duration.ofSeconds(60));
            awaitText(browser, "run-state", "ended");

            JsonNode closing = new ObjectMapper().readTree(report.resolve("summary.json").toFile());
            assertThat(closing.get("orders_attempted").asLong()).isPositive();
            assertThat(number(browser, "funnel-attempted")).isEqualTo(closing.get("orders_attempted").asLong());
            assertThat(number(browser, "funnel-created")).isEqualTo(closing.get("orders_created").asLong());
            assertThat(number(browser, "funnel-failed")).isEqualTo(closing.get("orders_failed").asLong());
            assertThat(number(browser, "funnel-unknown")).isEqualTo(closing.get("orders_unknown").asLong());
            assertThat(closing.get("stages").size()).as("a ramp and a plateau per stage").isEqualTo(4);
            assertThat(closing.get("capacity").asText()).startsWith("held every stage, up to 12 users: p95 ");

            Files.write(report.resolve("live-view.png"), browser.getScreenshotAs(OutputType.BYTES));
            assertThat(report.resolve("live-view.png")).isNotEmptyFile();

            List<String> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                    .map(LogEntry::getMessage).toList();
            assertThat(errors).as("the browser console's errors").isEmpty();
        } finally {
            browser.quit();
            live.stopServing();
        }
    }

    private static Path fresh(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
        return Files.createDirectories(folder);
    }

    private static String awaitAddress(LiveViewListener live) throws InterruptedException {
        long until = System.currentTimeMillis() + 10_000;
        while (live.address() == null) {
            if (System.currentTimeMillis() > until) {
                throw new AssertionError("the live view did not start within 10 s");
            }
            Thread.sleep(50);
        }
        return live.address();
    }

    private static void awaitText(ChromeDriver browser, String id, String text) throws InterruptedException {
        long until = System.currentTimeMillis() + 10_000;
        while (!text.equals(browser.findElement(By.id(id)).getText().trim())) {
            if (System.currentTimeMillis() > until) {
                throw new AssertionError("#" + id + " still shows '" + browser.findElement(By.id(id)).getText()
                        + "' after 10 s, not '" + text + "'");
            }
            Thread.sleep(100);
        }
    }

    private static long number(ChromeDriver browser, String id) {
        return Long.parseLong(browser.findElement(By.id(id)).getText().trim());
    }
}
