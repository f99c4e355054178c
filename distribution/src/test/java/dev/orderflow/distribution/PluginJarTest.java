package dev.orderflow.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The plugin jar tells JMeter what it holds without a scan (META-INF/services and JMeter-Skip-Class-Scanning),
 * and the Plugins Manager descriptor names the same elements, this build's version and where the jar is.
 */
class PluginJarTest {

    private static final String GUI_SERVICES = "META-INF/services/org.apache.jmeter.gui.JMeterGUIComponent";
    private static final String BEAN_SERVICES = "META-INF/services/org.apache.jmeter.testbeans.TestBean";

    @Test
    void theJarsManifestLetsJMeterSkipScanningItAndItsServicesNameItsElements() throws IOException {
        try (JarFile jar = new JarFile(pluginJar().toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("JMeter-Skip-Class-Scanning")).isEqualTo("true");
            assertThat(services(jar, GUI_SERVICES))
                    .contains("dev.orderflow.jmeter.threads.gui.OrderFlowThreadGroupGui");
            assertThat(services(jar, BEAN_SERVICES)).contains("dev.orderflow.jmeter.sampler.LoginSampler");
            for (String element : elements(jar)) {
                assertThat(jar.getEntry(element.replace('.', '/') + ".class")).as(element).isNotNull();
            }
        }
    }

    @Test
    void thePluginsManagerDescriptorNamesTheJarsElementsThisVersionAndItsDownload() throws IOException {
        JsonNode plugins = new ObjectMapper()
                .readTree(Path.of(System.getProperty("orderflow.test.descriptor")).toFile());

        assertThat(plugins.isArray()).isTrue();
        assertThat(plugins).hasSize(1);
        JsonNode plugin = plugins.get(0);
        for (String field : List.of("id", "name", "description", "vendor", "markerClass")) {
            assertThat(plugin.path(field).asText()).as(field).isNotBlank();
        }
        List<String> components = new ArrayList<>();
        plugin.path("componentClasses").forEach(name -> components.add(name.asText()));
        JsonNode release = plugin.path("versions").path(System.getProperty("orderflow.test.version"));
        assertThat(release.path("downloadUrl").asText())
                .startsWith("https://")
                .endsWith("/orderflow-jmeter-plugin-" + System.getProperty("orderflow.test.version") + ".jar");
        assertThat(release.path("libs").isObject())
                .as("everything it needs is in JMeter or shaded into the jar").isTrue();
        try (JarFile jar = new JarFile(pluginJar().toFile())) {
            assertThat(components).containsExactlyInAnyOrderElementsOf(elements(jar));
            assertThat(jar.getEntry(plugin.path("markerClass").asText().replace('.', '/') + ".class")).isNotNull();
        }
    }

    private static List<String> elements(JarFile jar) throws IOException {
        List<String> all = new ArrayList<>(services(jar, GUI_SERVICES));
        all.addAll(services(jar, BEAN_SERVICES));
        return all;
    }

    private static List<String> services(JarFile jar, String name) throws IOException {
        ZipEntry entry = jar.getEntry(name);
        assertThat(entry).as(name).isNotNull();
        try (InputStream in = jar.getInputStream(entry)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        }
    }

    private static Path pluginJar() {
        return Path.of(System.getProperty("orderflow.test.root", "..")).resolve("plugin/target")
                .resolve("orderflow-jmeter-plugin-" + System.getProperty("orderflow.test.version") + ".jar");
    }
}
