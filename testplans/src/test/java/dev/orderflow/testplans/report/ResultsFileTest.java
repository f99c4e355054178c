package dev.orderflow.testplans.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResultsFileTest {

    static final String HEADER = "timeStamp,elapsed,label,responseCode,responseMessage,threadName,dataType,success,"
            + "failureMessage,bytes,sentBytes,grpThreads,allThreads,URL,Latency,IdleTime,Connect";

    @Test
    void countsSamplesAndErrorsPerLabelAndTheSpanTheyCover(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("results.csv");
        Files.writeString(csv, HEADER + "\n"
                + "1000,20,login,200,OK,users 1-1,text,true,,10,10,1,1,null,20,0,1\n"
                + "1010,50,create order,409,\"Conflict, insufficient_stock\",users 1-1,text,false,\"409 "
                + "\"\"insufficient\"\"\nstock\",10,10,1,1,null,50,0,0\n"
                + "1100,5,login,200,OK,users 1-2,text,true,,10,10,2,2,null,5,0,0\n");

        ResultsFile results = ResultsFile.read(csv);

        assertThat(results.samples()).isEqualTo(3);
        assertThat(results.errors()).isEqualTo(1);
        assertThat(results.firstStartMs()).isEqualTo(1000);
        assertThat(results.lastEndMs()).isEqualTo(1105);
        assertThat(results.labels()).containsEntry("login", new ResultsFile.LabelCount(2, 0))
                .containsEntry("create order", new ResultsFile.LabelCount(1, 1));
    }

    @Test
    void anEmptyFileHasNoSamples(@TempDir Path dir) throws Exception {
        Path csv = Files.writeString(dir.resolve("empty.csv"), "");
        assertThat(ResultsFile.read(csv).samples()).isZero();
    }

    @Test
    void refusesAFileWithoutTheColumnsItCounts(@TempDir Path dir) throws Exception {
        Path csv = Files.writeString(dir.resolve("odd.csv"), "when,what\n1,2\n");
        assertThatThrownBy(() -> ResultsFile.read(csv)).hasMessageContaining("timeStamp");
    }
}
