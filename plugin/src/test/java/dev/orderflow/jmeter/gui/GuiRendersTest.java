package dev.orderflow.jmeter.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.orderflow.jmeter.testing.DebianPackages;

/**
 * Every orderflow form and the thread group's preview chart, rendered on a virtual display (Debian's Xvfb, installed
 * with apt-get when missing) at JMeter's default size: each paints without error, fits its width, has no component
 * cut off or squeezed below its minimum, and is kept as a PNG in target/gui-renders for a person to look at.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class GuiRendersTest {

    private static final Path XVFB = Path.of("/usr/bin/Xvfb");
    private static final Path RENDERS = Path.of("target", "gui-renders").toAbsolutePath();

    @Test
    void everyFormPaintsWholeAtJMetersDefaultSize() throws Exception {
        DebianPackages.ensure(List.of(XVFB), "xvfb");
        Process display = new ProcessBuilder(XVFB.toString(), "-displayfd", "1", "-nolisten", "tcp", "-screen", "0",
                FormRenderer.SCREEN.width + "x" + FormRenderer.SCREEN.height + "x24")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            String number = readLine(display.getInputStream());
            String java = ProcessHandle.current().info().command().orElse("java");
            ProcessBuilder renderer = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    "-Djava.awt.headless=false", FormRenderer.class.getName(), RENDERS.toString())
                    .redirectErrorStream(true).redirectOutput(RENDERS.resolveSibling("gui-renders.log").toFile());
            renderer.environment().put("DISPLAY", ":" + number);
            Files.createDirectories(RENDERS);
            Files.deleteIfExists(RENDERS.resolve(FormRenderer.REPORT));
            Process run = renderer.start();
            assertThat(run.waitFor(10, TimeUnit.MINUTES)).as("the renderer ends").isTrue();
            assertThat(run.exitValue()).as(Files.readString(RENDERS.resolveSibling("gui-renders.log"))).isZero();
        } finally {
            display.destroy();
            display.waitFor(10, TimeUnit.SECONDS);
        }

        List<String> lines = Files.readAllLines(RENDERS.resolve(FormRenderer.REPORT));
        assertThat(lines).hasSize(12);
        List<String> wrong = new ArrayList<>();
        for (String line : lines) {
            String[] parts = line.split("\t", 2);
            if (!parts[1].equals(FormRenderer.OK)) {
                wrong.add(line);
            }
            Path png = RENDERS.resolve(parts[0] + ".png");
            assertThat(png).as(parts[0]).isNotEmptyFile();
            assertThat(ImageIO.read(png.toFile()).getWidth()).as(parts[0]).isEqualTo(FormRenderer.FORM_VIEW.width);
        }
        assertThat(wrong).isEmpty();
        for (String shape : List.of("users", "stages", "script", "wrong-users")) {
            assertThat(RENDERS.resolve("thread-group-" + shape + "-preview-chart.png")).isNotEmptyFile();
        }
    }

    /** The display number Xvfb writes once it is ready. */
    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
            line.append((char) c);
        }
        assertThat(line).as("Xvfb started and said its display").isNotEmpty();
        return line.toString().trim();
    }
}
