package io.hookline.cli;

import io.hookline.console.PasswordHash;
import io.hookline.console.Role;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ./hookline console user NAME ROLES}: a users-file line with the password (read from stdin) hashed. */
@Command(
        name = "user",
        mixinStandardHelpOptions = true,
        description = {
            "Reads a password or token from standard input and prints the line for the console's users"
                    + " file, with it hashed (PBKDF2-SHA256, salted). The password itself is stored nowhere.",
            "Example: ./hookline console user alice publisher >> console-users"
        })
final class ConsoleUserCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "NAME", description = "The user name.")
    String name;

    @Parameters(index = "1", paramLabel = "ROLES", description = "viewer, editor or publisher; several with commas.")
    String roles;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!io.hookline.console.Ids.valid(name)) {
            throw new IllegalArgumentException("NAME may hold only letters, digits and . _ -");
        }
        Set<Role> parsed = Role.parseList(roles);
        char[] password;
        if (System.console() != null) {
            password = System.console().readPassword("Password or token for %s: ", name);
        } else {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            password = line == null ? new char[0] : line.toCharArray();
        }
        if (password == null || password.length < 8) {
            throw new IllegalArgumentException("the password must have at least 8 characters");
        }
        spec.commandLine()
                .getOut()
                .println(name + " " + parsed.stream().map(Role::label).sorted().collect(Collectors.joining(",")) + " "
                        + PasswordHash.hash(password));
        return ExitCodes.OK;
    }
}
