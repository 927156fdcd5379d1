package io.hookline.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./hookline <command>}: the one entry point for operators and editors. */
@Command(
        name = "hookline",
        mixinStandardHelpOptions = true,
        version = "hookline 0.1.0",
        description = "Turns a sports match into platform-ready clips.",
        subcommands = {DemoCommand.class, RunCommand.class, PlanCommand.class, ImportCommand.class, ProfilesCommand.class,
            SubmitCommand.class, BenchCommand.class},
        commandListHeading = "%nCommands:%n",
        footer = {"", "./hookline test runs the test suite (mvn clean verify); ./hookline test --e2e adds the end-to-end"
                + " tests on a multi-process Flink cluster."})
public final class Main implements Runnable {

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return ExitCodes.USAGE;
        });
        System.exit(cli.execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
