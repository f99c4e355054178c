package dev.orderflow.testplans.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.orderflow.jmeter.testing.FormShot;
import dev.orderflow.jmeter.testing.VirtualDisplay;
import dev.orderflow.testplans.run.PlanCatalog;

/**
 * Every shipped plan opened in JMeter's GUI shows plain numbers: {@link PlanRenderer} shows each orderflow element of
 * every plan in its form on a virtual display at JMeter's default size. Each form paints whole, holds no expression a
 * person must decode, and the thread group's preview says the scale a run applies. The PNGs stay in
 * target/plan-renders for a person to look at.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class PlansInTheGuiTest {

    private static final Path RENDERS = Path.of("target", "plan-renders").toAbsolutePath();

    @Test
    void everyPlanShowsPlainNumbersInItsForms() throws Exception {
        List<String[]> forms = VirtualDisplay.render(PlanRenderer.class, RENDERS, PlanRenderer.REPORT).stream()
                .map(line -> line.split("\t", 4)).toList();
        for (PlanCatalog.Plan plan : PlanCatalog.all()) {
            assertThat(forms).as(plan.name() + ": its thread group, shop connection and order summary were shown")
                    .filteredOn(form -> form[0].equals(plan.name())).extracting(form -> form[2])
                    .contains("OrderFlowThreadGroup", "ShopConnection", "OrderSummaryListener");
        }
        assertThat(forms).allSatisfy(form -> {
            assertThat(form[3]).as(form[1]).isEqualTo(PlanRenderer.OK);
            Path png = RENDERS.resolve(form[1] + ".png");
            assertThat(png).as(form[1]).isNotEmptyFile();
            assertThat(ImageIO.read(png.toFile()).getWidth()).as(form[1]).isEqualTo(FormShot.FORM_VIEW.width);
        });
    }
}
