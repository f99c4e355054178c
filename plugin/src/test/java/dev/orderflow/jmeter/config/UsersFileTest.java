package dev.orderflow.jmeter.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.orderflow.jmeter.testing.JMeterEnvironment;

class UsersFileTest {

    @TempDir
    Path folder;

    private Path file(String name, String content) throws IOException {
        return Files.writeString(folder.resolve(name), content);
    }

    @Test
    void readsTheProjectsThousandUsersInRowOrder() throws IOException {
        UsersFile users = UsersFile.of(JMeterEnvironment.csvData().resolve("users.csv"));

        assertThat(users.size()).isEqualTo(1000);
        assertThat(users.user(0).username()).isEqualTo("load_test_user_0");
        assertThat(users.user(999).username()).isEqualTo("load_test_user_999");
    }

    @Test
    void findsTheColumnsByTheirHeaderInAnyOrderWithQuotesAndAByteOrderMark() throws IOException {
        UsersFile users = UsersFile.of(file("users.csv",
                "\uFEFFid,Password,username\n1,\"pa,ss\"\"word\",alice\n\n2,plain,bob\n"));

        assertThat(users.size()).isEqualTo(2);
        assertThat(users.user(0)).isEqualTo(new Credentials("alice", "pa,ss\"word"));
        assertThat(users.user(1)).isEqualTo(new Credentials("bob", "plain"));
    }

    @Test
    void readsAFileOnceAndAgainOnlyWhenItChanged() throws IOException {
        Path path = file("users.csv", "username,password\na,1\n");
        UsersFile first = UsersFile.of(path);

        assertThat(UsersFile.of(path)).isSameAs(first);

        Files.writeString(path, "username,password\na,1\nb,2\n");
        Files.setLastModifiedTime(path, FileTime.from(Instant.now().plusSeconds(5)));
        assertThat(UsersFile.of(path).size()).isEqualTo(2);
    }

    @Test
    void refusesFilesThatAreNotUsersFilesWithoutQuotingAnyPassword() throws IOException {
        assertThatThrownBy(() -> UsersFile.of(file("empty.csv", ""))).hasMessageContaining("is empty");
        assertThatThrownBy(() -> UsersFile.of(file("header.csv", "username,password\n")))
                .hasMessageContaining("no users");
        assertThatThrownBy(() -> UsersFile.of(file("short.csv", "username,password\nonly-a-name\n")))
                .hasMessageContaining("line 2 has 1 fields, 2 expected");
        assertThatThrownBy(() -> UsersFile.of(file("quote.csv", "username,password\nu,\"secret-pw\n")))
                .hasMessageContaining("line 2 is not valid CSV: ")
                .hasMessageContaining("EOF reached before encapsulated token finished")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret-pw"));
        assertThatThrownBy(() -> UsersFile.of(folder)).hasMessageContaining("is not a file");
    }

    @Test
    void refusesAFileWithoutItsHeaderNamingFileAndLineButNotTheFirstRow() throws IOException {
        Path headless = file("headless.csv", "load_test_user_0,first-row-secret\nload_test_user_1,second\n");

        assertThatThrownBy(() -> UsersFile.of(headless))
                .hasMessageContaining(headless.toString())
                .hasMessageContaining("line 1 has no 'username' column")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("first-row-secret")
                        .doesNotContain("load_test_user_0"));
    }

    @Test
    void refusesARowWithoutAUsernameNamingItsLineButNotItsPassword() throws IOException {
        assertThatThrownBy(() -> UsersFile.of(file("nameless.csv", "username,password\na,1\n ,row-3-secret\n")))
                .hasMessageContaining("nameless.csv line 3 has an empty username")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("row-3-secret"));
    }
}
