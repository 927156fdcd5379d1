package io.hookline.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * {@code ./hookline ARGS} in-process, as {@link Main#main} runs it, with its output and errors captured.
 *
 * @param exit the exit code
 */
record CliRun(int exit, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new CliRun(exit, out.toString(), err.toString());
    }

    /** The first line of the errors: what a user reads first. */
    String firstErrorLine() {
        return err.lines().findFirst().orElse("");
    }
}
