package io.hookline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.console.Users;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleCommandTest {

    @TempDir
    Path dir;

    @Test
    void consoleUserPrintsALineTheUsersFileAcceptsWithThePasswordHashed() throws Exception {
        InputStream stdin = System.in;
        CliRun run;
        try {
            System.setIn(new ByteArrayInputStream("a long enough token\n".getBytes(StandardCharsets.UTF_8)));
            run = CliRun.of("console", "user", "alice", "publisher,editor");
        } finally {
            System.setIn(stdin);
        }
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out())
                .startsWith("alice editor,publisher pbkdf2-sha256$")
                .doesNotContain("a long enough token");
        Path file = Files.writeString(dir.resolve("users"), run.out());
        Users users = Users.load(file);
        assertThat(users.authenticate("alice", "a long enough token".toCharArray()))
                .hasValueSatisfying(u ->
                        assertThat(u.may(io.hookline.console.Role.PUBLISHER)).isTrue());
        assertThat(users.authenticate("alice", "a long enough tokem".toCharArray()))
                .isEmpty();
    }

    @Test
    void aConsoleBeyondLoopbackWithoutUsersDoesNotStart() {
        CliRun run = CliRun.of("console", "--out", dir.toString(), "--host", "0.0.0.0", "--port", "0");
        assertThat(run.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.firstErrorLine()).contains("--host 0.0.0.0 is reachable from other machines: give --users FILE");
    }

    @Test
    void anUnknownRoleIsNamed() {
        CliRun run = CliRun.of("console", "user", "bob", "admin");
        assertThat(run.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.firstErrorLine()).contains("unknown role 'admin' (expected viewer, editor or publisher)");
    }
}
