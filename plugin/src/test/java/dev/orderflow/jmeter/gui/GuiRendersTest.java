package dev.orderflow.jmeter.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.orderflow.jmeter.testing.FormShot;
import dev.orderflow.jmeter.testing.VirtualDisplay;

/**
 * Every orderflow form and the thread group's preview chart, rendered on a virtual display at JMeter's default size:
 * each paints without error, fits its width, has no component cut off or squeezed below its minimum, and is kept as
 * a PNG in target/gui-renders for a person to look at.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class GuiRendersTest {

    private static final Path RENDERS = Path.of("target", "gui-renders").toAbsolutePath();

    @Test
    void everyFormPaintsWholeAtJMetersDefaultSize() throws Exception {
        List<String> lines = VirtualDisplay.render(FormRenderer.class, RENDERS, FormRenderer.REPORT);
        assertThat(lines).hasSize(12);
        List<String> wrong = new ArrayList<>();
        for (String line : lines) {
            String[] parts = line.split("\t", 2);
            if (!parts[1].equals(FormRenderer.OK)) {
                wrong.add(line);
            }
            Path png = RENDERS.resolve(parts[0] + ".png");
            assertThat(png).as(parts[0]).isNotEmptyFile();
            assertThat(ImageIO.read(png.toFile()).getWidth()).as(parts[0]).isEqualTo(FormShot.FORM_VIEW.width);
        }
        assertThat(wrong).isEmpty();
        for (String shape : List.of("users", "stages", "script", "wrong-users")) {
            assertThat(RENDERS.resolve("thread-group-" + shape + "-preview-chart.png")).isNotEmptyFile();
        }
    }
}
