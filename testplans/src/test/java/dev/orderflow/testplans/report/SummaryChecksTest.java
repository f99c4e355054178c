package dev.orderflow.testplans.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

class SummaryChecksTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode summary(String json) throws Exception {
        return JSON.readTree(json.replace('\'', '"'));
    }

    private static final ResultsFile RESULTS = new ResultsFile(5, 1, 0, 0, Map.of(
            "login", new ResultsFile.LabelCount(2, 0),
            "create order", new ResultsFile.LabelCount(3, 1)));

    @Test
    void aSummaryThatCountsWhatTheResultsFileHoldsAgrees() throws Exception {
        JsonNode agreeing = summary("{'samples':5,'errors':1,'labels':{'login':{'count':2,'errors':0},"
                + "'create order':{'count':3,'errors':1}}}");

        assertThat(SummaryChecks.agreement(agreeing, RESULTS)).isEmpty();
    }

    @Test
    void namesEveryCountThatDisagrees() throws Exception {
        JsonNode off = summary("{'samples':6,'errors':0,'labels':{'login':{'count':2,'errors':0},"
                + "'create order':{'count':3,'errors':0},'cart':{'count':1,'errors':0}}}");

        assertThat(SummaryChecks.agreement(off, RESULTS)).containsExactly(
                "summary counts 6 samples, the results file 5",
                "summary counts 0 errors, the results file 1",
                "label 'create order': summary 3 samples/0 errors, results file 3/1",
                "label 'cart' is in the summary but not in the results file");
    }

    @Test
    void theShopsNewOrdersMustBeTheCreatedOnesPlusAtMostTheUnknownOnes() throws Exception {
        JsonNode ok =
                summary("{'orders_created':10,'orders_unknown':2,'shop':{'orders_delta':11,'invariant_ok':true}}");
        JsonNode tooMany =
                summary("{'orders_created':10,'orders_unknown':0,'shop':{'orders_delta':11,'invariant_ok':true}}");
        JsonNode brokenStock =
                summary("{'orders_created':1,'orders_unknown':0,'shop':{'orders_delta':1,'invariant_ok':false,"
                + "'initial_stock':10,'stock_remaining':8,'units_sold':1}}");

        assertThat(SummaryChecks.reconciliation(ok, true).problems()).isEmpty();
        assertThat(SummaryChecks.reconciliation(ok, true).account()).startsWith("ok: shop +11 orders, run created 10");
        assertThat(SummaryChecks.reconciliation(tooMany, true).problems())
                .containsExactly("the shop counted 11 new orders, the run created 10");
        assertThat(SummaryChecks.reconciliation(brokenStock, true).problems())
                .containsExactly("the shop's stock does not add up: initial 10 ≠ remaining 8 + sold 1");
    }

    @Test
    void aMissingReconciliationFailsOnlyWhenTheRunHadTheAdminKey() throws Exception {
        JsonNode none = summary("{'shop':null}");
        JsonNode error = summary("{'shop':{'error':'403 from /api/admin/stats'}}");

        assertThat(SummaryChecks.reconciliation(none, false).problems()).isEmpty();
        assertThat(SummaryChecks.reconciliation(none, true).problems()).hasSize(1);
        assertThat(SummaryChecks.reconciliation(error, true).problems())
                .containsExactly("shop reconciliation: 403 from /api/admin/stats");
    }

    @Test
    void aDistributedRunStartsThePlansUsersInTotalNotPerEngine() throws Exception {
        JsonNode total = summary("{'engines':4,'users':2}");
        JsonNode perEngine = summary("{'engines':4,'users':8}");

        assertThat(SummaryChecks.clusterUsers(total, RESULTS, 4, OptionalInt.of(2), "login")).isEmpty();
        assertThat(SummaryChecks.clusterUsers(perEngine, RESULTS, 2, OptionalInt.of(8), "login")).containsExactly(
                "the summary reports 4 engines, the run used 2",
                "'login' ran 2 times over all engines, once per user would be 8");
        assertThat(SummaryChecks.clusterUsers(total, RESULTS, 4, OptionalInt.of(3), "login")).containsExactly(
                "the summary reports 2 users, the plan asks for 3 in total",
                "'login' ran 2 times over all engines, once per user would be 3");
    }
}
