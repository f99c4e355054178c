package dev.orderflow.testplans.plans;

import dev.orderflow.jmeter.summary.OrderSummaryListener;
import dev.orderflow.jmeter.summary.OrderSummaryListenerGui;
import dev.orderflow.jmeter.testing.JMeterEnvironment;
import dev.orderflow.jmeter.threads.OrderFlowThreadGroup;
import dev.orderflow.jmeter.threads.OrderFlowThreadGroupSchema;
import dev.orderflow.jmeter.threads.shape.ShapeKind;
import dev.orderflow.jmeter.threads.shape.ShapeSettings.StageText;
import dev.orderflow.testplans.run.PlanCatalog;
import org.apache.jmeter.save.SaveService;
import org.apache.jmeter.testelement.TestElement;
import org.apache.jorphan.collections.HashTree;
import org.apache.jorphan.collections.SearchByClass;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plans hold the load of the test series as plain numbers, which a person reads and edits in the GUI; the
 * thread group scales them for a run (-Jscale, -Jtimescale), and the order summary takes them from it.
 */
class PlanNumbersTest {

    @BeforeAll
    static void jmeter() {
        JMeterEnvironment.init();
    }

    static Stream<PlanCatalog.Plan> plans() {
        return PlanCatalog.all().stream();
    }

    @ParameterizedTest
    @MethodSource("plans")
    void theThreadGroupHoldsTheTablesUsersAsPlainNumbers(PlanCatalog.Plan plan) throws Exception {
        String text = Files.readString(file(plan), StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("__jexl3").doesNotContain("__P(scale").doesNotContain("__P(timescale");

        OrderFlowThreadGroup group = only(load(file(plan)), OrderFlowThreadGroup.class);
        assertThat(group.getName()).isEqualTo("orderflow: users");
        assertThat(OrderFlowThreadGroupSchema.TIME_SCALE.read(group)).isEqualTo("1");
        if (group.getShapeKind() == ShapeKind.STAGES) {
            List<StageText> stages = group.getStages();
            assertThat(stages).extracting(StageText::users).containsExactly("100", "300", "500", "700", "1000");
            assertThat(stages).extracting(StageText::until).containsExactly("60", "180", "300", "420", "600");
            assertThat(stages).extracting(StageText::spawnRate).containsOnly("10");
            assertThat(Integer.parseInt(stages.get(stages.size() - 1).users())).isEqualTo(plan.users());
        } else {
            assertThat(Integer.parseInt(OrderFlowThreadGroupSchema.USERS.read(group))).isEqualTo(plan.users());
            assertThat(Double.parseDouble(OrderFlowThreadGroupSchema.SPAWN_RATE.read(group))).isPositive();
        }
        if (plan.oneIteration()) {
            assertThat(OrderFlowThreadGroupSchema.ITERATIONS.read(group)).as("one order (or page) per user")
                    .isEqualTo("1");
        }
    }

    @ParameterizedTest
    @MethodSource("plans")
    void theOrderSummaryHoldsNoUsersOfItsOwnAndEveryOrderflowElementIsNamedAlike(PlanCatalog.Plan plan)
            throws Exception {
        HashTree tree = load(file(plan));
        OrderSummaryListener summary = only(tree, OrderSummaryListener.class);

        assertThat(summary.getPropertyAsString("OrderSummary.users", null)).isNull();
        assertThat(summary.getPropertyAsString("OrderSummary.spawnRate", null)).isNull();
        SearchByClass<TestElement> all = new SearchByClass<>(TestElement.class);
        tree.traverse(all);
        assertThat(all.getSearchResults().stream()
                .filter(element -> element.getClass().getName().startsWith("dev.orderflow.jmeter."))
                .filter(element -> !element.getClass().getName().startsWith("dev.orderflow.jmeter.sampler."))
                .map(TestElement::getName))
                .as("config element, listeners and thread group; the samplers' names are their results' labels")
                .isNotEmpty()
                .allSatisfy(name -> assertThat(name).startsWith("orderflow: "));
    }

    @Test
    void theOrdersPlansAttemptOneOrderPerUserAsTheSeriesDid() {
        assertThat(PlanCatalog.named("orders-500").orElseThrow().oneIteration()).isTrue();
        assertThat(PlanCatalog.named("orders-1000").orElseThrow().oneIteration()).isTrue();
    }

    /**
     * A user orders one or two products, one unit each: the shop the build starts (seeded from csv-data) must hold
     * at least two units per user of the biggest order plan in every product, so that no order fails for stock
     * whichever products the users pick.
     */
    @Test
    void theShopsSeedHoldsTwoUnitsPerUserInEveryProduct() throws Exception {
        Path products = Path.of(System.getProperty("orderflow.test.root", "..")).resolve("csv-data/products.csv");
        List<String> rows = Files.readAllLines(products, StandardCharsets.UTF_8);
        assertThat(rows.get(0)).isEqualTo("id,name,price,stock");
        int mostUsers = PlanCatalog.all().stream().filter(plan -> !plan.indexPage())
                .mapToInt(PlanCatalog.Plan::users).max().orElseThrow();

        assertThat(rows.subList(1, rows.size())).isNotEmpty().allSatisfy(row -> {
            String stock = row.substring(row.lastIndexOf(',') + 1);
            assertThat(Long.parseLong(stock)).as(row).isGreaterThanOrEqualTo(2L * mostUsers);
        });
    }

    /** An older plan whose order summary still holds users and a spawn rate loads; its editor drops them on save. */
    @Test
    void anOlderPlanWithTheSummarysOwnUsersLoadsAndLosesThemWhenEdited(@TempDir Path dir) throws Exception {
        String text = Files.readString(file(PlanCatalog.named("test3").orElseThrow()), StandardCharsets.UTF_8);
        String old = text.replace("<stringProp name=\"OrderSummary.minSuccessRate\">",
                "<stringProp name=\"OrderSummary.users\">100</stringProp>\n"
                        + "        <stringProp name=\"OrderSummary.spawnRate\">100</stringProp>\n"
                        + "        <stringProp name=\"OrderSummary.minSuccessRate\">");
        assertThat(old).contains("OrderSummary.users");

        Path oldPlan = Files.writeString(dir.resolve("old-test3.jmx"), old, StandardCharsets.UTF_8);
        HashTree tree = load(oldPlan);
        OrderSummaryListener summary = only(tree, OrderSummaryListener.class);
        assertThat(summary.getPropertyAsString("OrderSummary.users")).isEqualTo("100");

        OrderSummaryListenerGui gui = new OrderSummaryListenerGui();
        gui.configure(summary);
        gui.modifyTestElement(summary);
        assertThat(summary.getPropertyAsString("OrderSummary.users", null)).isNull();
        assertThat(summary.getPropertyAsString("OrderSummary.spawnRate", null)).isNull();
    }

    private static Path file(PlanCatalog.Plan plan) {
        return PlansFolder.path().resolve(plan.fileName());
    }

    private static HashTree load(Path file) throws Exception {
        return SaveService.loadTree(file.toFile());
    }

    private static <T> T only(HashTree tree, Class<T> type) {
        SearchByClass<T> search = new SearchByClass<>(type);
        tree.traverse(search);
        assertThat(search.getSearchResults()).hasSize(1);
        return search.getSearchResults().iterator().next();
    }
}
