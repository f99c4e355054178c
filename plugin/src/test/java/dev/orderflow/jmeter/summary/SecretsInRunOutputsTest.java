package dev.orderflow.jmeter.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.jmeter.reporters.ResultCollector;
import org.apache.jmeter.sampler.TestAction;
import org.apache.jmeter.samplers.SampleSaveConfiguration;
import org.apache.jmeter.testelement.TestElement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.orderflow.jmeter.config.Credentials;
import dev.orderflow.jmeter.config.UsersFile;
import dev.orderflow.jmeter.element.Setting;
import dev.orderflow.jmeter.sampler.PageSampler;
import dev.orderflow.jmeter.sampler.SamplerSchemas;
import dev.orderflow.jmeter.testing.CookieIssuingFront;
import dev.orderflow.jmeter.testing.JMeterEnvironment;
import dev.orderflow.jmeter.testing.NonGuiJMeter;
import dev.orderflow.jmeter.testing.Plans;
import dev.orderflow.shop.Shop;
import dev.orderflow.shop.ShopConfig;

/**
 * {@code jmeter -n} against the real reference shop with every save setting JMeter has switched on (response
 * data too, in a CSV and an XML results file) and an HTML report: no password, token, admin key or cookie value
 * of the run may appear in anything it leaves — console, jmeter.log, results, report, summary. The shop sits
 * behind a front that gives each login a session cookie, so cookies travel both ways as with a real shop's
 * load balancer; the front notes the tokens and cookie values the run really carried. Tokens expire between a
 * user's two iterations, so that a re-login inside a cart sample is recorded too.
 */
class SecretsInRunOutputsTest {

    private static final Duration BOUND = Duration.ofSeconds(180);
    private static final int USERS = 6;
    private static final Duration TOKEN_TTL = Duration.ofSeconds(2);
    private static final Pattern SAVE_SETTING =
            Pattern.compile("(?m)^#\\s*(jmeter\\.save\\.saveservice\\.[\\w.]+)=(true|false)\\s*$");
    private static final Pattern RESPONSE_DATA = Pattern.compile("<responseData[^>]*>([^<]*)</responseData>");
    private static final String ADMIN_KEY = "admin-" + Long.toHexString(Double.doubleToLongBits(Math.random()));

    private static Shop shop;
    private static CookieIssuingFront front;

    @TempDir
    Path dir;

    @BeforeAll
    static void startShop() throws IOException {
        // tokens that expire between a user's two iterations: its second cart step logs in again within its sample
        shop = Shop.start(ShopConfig.builder().port(0).dataDir(JMeterEnvironment.csvData()).adminKey(ADMIN_KEY)
                .tokenTtl(TOKEN_TTL).build());
        front = new CookieIssuingFront(shop.baseUri(), "/api/auth/login");
    }

    @AfterAll
    static void stopShop() {
        front.close();
        shop.close();
    }

    @Test
    void noPasswordTokenAdminKeyOrCookieValueAppearsInAnythingARunWithEverySaveSettingOnLeaves() throws Exception {
        Path inputs = Files.createDirectories(dir.resolve("inputs"));
        Path outputs = Files.createDirectories(dir.resolve("outputs"));
        Path jmx = NonGuiJMeter.save(plan(outputs), inputs.resolve("plan.jmx"));
        Path properties = ownerOnlyProperties(inputs.resolve("run.properties"), outputs);

        NonGuiJMeter.Outcome outcome = NonGuiJMeter.run(jmx, outputs, BOUND,
                "-q", properties.toString(),
                "-l", outputs.resolve("results.csv").toString(),
                "-e", "-o", outputs.resolve("report").toString());

        assertThat(outcome.exitStatus()).as(outcome.console()).isZero();
        Map<String, String> secrets = secretsOfTheRun();
        List<String> leaks = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(outputs)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path file : files) {
            String text = readable(file);
            secrets.forEach((secret, what) -> {
                if (text.contains(secret)) {
                    leaks.add(what + " in " + outputs.relativize(file));
                }
            });
        }
        assertThat(files).hasSizeGreaterThan(10);
        assertThat(leaks).as("secrets found in the run's outputs").isEmpty();
        // the run carried what the test looks for, and the files hold what the save settings ask for
        JsonNode summary = SummaryJson.MAPPER.readTree(
                outputs.resolve("summary").resolve(SummaryFiles.JSON_FILE).toFile());
        long relogins = summary.get("relogins").asLong();
        assertThat(relogins).as("re-logins after the pause").isGreaterThanOrEqualTo(USERS);
        assertThat(front.tokens()).as("a login per user, and its re-logins").hasSize((int) (USERS + relogins));
        assertThat(front.issuedCookies()).hasSize((int) (USERS + relogins));
        assertThat(front.cookieHeadersSeen()).anySatisfy(cookie -> assertThat(cookie).startsWith("sessionid="));
        String xml = readable(outputs.resolve("results.xml"));
        assertThat(xml).contains("Set-Cookie: sessionid=***; Path=/; HttpOnly", "Cookie: sessionid=***",
                "Authorization: Token ***", "{\"token\":\"***\",\"user_id\":",
                "&quot;password&quot;:&quot;***&quot;");
        assertThat(Files.readString(outputs.resolve("results.csv"))).contains("Hostname", "IdleTime", ",login,200,");
        assertThat(summary.get("shop").get("orders_delta").asLong()).isEqualTo(2L * USERS);
        assertThat(outputs.resolve("report/index.html")).exists();
        assertThat(outputs.resolve("jmeter.log")).exists();
    }

    /**
     * The file's text, plus the response data an XML results file holds in Base64 (JMeter's XML writer stores
     * our samples' bytes that way), decoded: a secret must not hide there either.
     */
    private static String readable(Path file) throws IOException {
        String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        StringBuilder readable = new StringBuilder(text);
        Matcher data = RESPONSE_DATA.matcher(text);
        while (data.find()) {
            try {
                readable.append('\n').append(new String(Base64.getMimeDecoder().decode(data.group(1).trim()),
                        StandardCharsets.UTF_8));
            } catch (IllegalArgumentException notBase64) {
                // plain text, already in the file's text
            }
        }
        return readable.toString();
    }

    /** Every secret the run carried, with what it is (never the value: this message could end up in a CI log). */
    private static Map<String, String> secretsOfTheRun() throws IOException {
        Map<String, String> secrets = new LinkedHashMap<>();
        UsersFile users = UsersFile.of(JMeterEnvironment.csvData().resolve("users.csv"));
        for (int i = 0; i < USERS; i++) {
            Credentials user = users.user(i);
            secrets.put(user.password(), "the password of " + user.username());
        }
        front.tokens().forEach(token -> secrets.put(token, "a login token"));
        front.issuedCookies().forEach(cookie -> secrets.put(cookie, "a session cookie value"));
        secrets.put(ADMIN_KEY, "the admin key");
        return secrets;
    }

    private static org.apache.jorphan.collections.HashTree plan(Path outputs) {
        OrderSummaryListener listener = TestPlans.listener(outputs.resolve("summary"));
        for (Setting field : OrderSummarySchema.INSTANCE.settings()) {
            field.write(listener, field.defaultValue());
        }
        OrderSummarySchema.SHOP_URL.write(listener, shop.baseUri().toString());
        PageSampler index = Plans.named(new PageSampler(), "index page");
        SamplerSchemas.Page.PATH.write(index, "/");
        List<TestElement> samplers = new ArrayList<>(List.of(TestPlans.orderFlow()));
        samplers.add(index);
        samplers.add(pauseLongerThanATokenLives());
        TestElement connection = Plans.shopConnection(front.port(), Map.of());
        samplers.stream().filter(sampler -> !(sampler instanceof TestAction))
                .forEach(SecretsInRunOutputsTest::savedAsTestBean);
        return Plans.plan(Plans.threadGroup(USERS, 2),
                new TestElement[] {savedAsTestBean(connection), listener, xmlWriter(outputs)},
                samplers.toArray(TestElement[]::new));
    }

    /** What the GUI writes for our test-bean elements, so that a JMX file of them loads in {@code jmeter -n}. */
    private static TestElement savedAsTestBean(TestElement element) {
        element.setProperty(TestElement.TEST_CLASS, element.getClass().getName());
        element.setProperty(TestElement.GUI_CLASS, "org.apache.jmeter.testbeans.gui.TestBeanGUI");
        return element;
    }

    /** JMeter's Flow Control Action, pausing the user until its token has expired. */
    private static TestAction pauseLongerThanATokenLives() {
        TestAction pause = Plans.named(new TestAction(), "wait for the token to expire");
        pause.setAction(TestAction.PAUSE);
        pause.setTarget(TestAction.THREAD);
        pause.setDuration(Long.toString(TOKEN_TTL.toMillis() + 500));
        pause.setProperty(TestElement.TEST_CLASS, TestAction.class.getName());
        pause.setProperty(TestElement.GUI_CLASS, "org.apache.jmeter.sampler.gui.TestActionGui");
        return pause;
    }

    /** A Simple Data Writer in XML with every field of JMeter's save configuration on, response data too. */
    private static ResultCollector xmlWriter(Path outputs) {
        ResultCollector writer = new ResultCollector();
        writer.setName("every field, XML");
        writer.setProperty(TestElement.TEST_CLASS, ResultCollector.class.getName());
        writer.setProperty(TestElement.GUI_CLASS, "org.apache.jmeter.visualizers.SimpleDataWriter");
        SampleSaveConfiguration everything = new SampleSaveConfiguration(true);
        everything.setAsXml(true);
        writer.setSaveConfig(everything);
        writer.setFilename(outputs.resolve("results.xml").toString());
        return writer;
    }

    /**
     * The run's properties as the build hands them to JMeter (-q): where the admin key is, and every
     * jmeter.save.saveservice switch jmeter.properties lists, turned on, for the CSV results file (-l).
     */
    private static Path ownerOnlyProperties(Path file, Path outputs) throws IOException {
        Properties properties = new Properties();
        String defaults = Files.readString(JMeterEnvironment.home().resolve("bin/jmeter.properties"));
        Matcher setting = SAVE_SETTING.matcher(defaults);
        while (setting.find()) {
            properties.setProperty(setting.group(1), "true");
        }
        assertThat(properties).containsKeys("jmeter.save.saveservice.response_data",
                "jmeter.save.saveservice.samplerData", "jmeter.save.saveservice.requestHeaders",
                "jmeter.save.saveservice.responseHeaders");
        properties.setProperty("jmeter.save.saveservice.output_format", "csv");
        properties.setProperty("jmeter.save.saveservice.assertion_results", "all");
        // the key itself in an owner-only file, as the build hands it over: JMeter logs -J values
        Path keyFile = file.resolveSibling("admin.key");
        Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(keyFile, ADMIN_KEY, StandardOpenOption.TRUNCATE_EXISTING);
        properties.setProperty("admin_key_file", keyFile.toString());
        properties.setProperty("summary_dir", outputs.resolve("summary").toString());
        properties.setProperty("plan", "secrets");
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.TRUNCATE_EXISTING)) {
            properties.store(out, "run properties of the secrets test");
        }
        return file;
    }
}
