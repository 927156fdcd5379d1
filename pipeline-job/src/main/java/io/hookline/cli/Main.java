package io.hookline.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./hookline <command>}: the one entry point for operators and editors. */
@Command(
        name = "hookline",
        mixinStandardHelpOptions = true,
        version = "hookline 0.1.0",
        description = "Turns a sports match into platform-ready clips.",
        subcommands = {
            DemoCommand.class,
            RunCommand.class,
            PlanCommand.class,
            ImportCommand.class,
            ProfilesCommand.class,
            SubmitCommand.class,
            PublishCommand.class,
            ConsoleCommand.class,
            BenchCommand.class
        },
        commandListHeading = "%nCommands:%n",
        footer = {
            "",
            "./hookline test runs the test suite (mvn clean verify); ./hookline test --e2e adds the end-to-end"
                    + " tests on a multi-process Flink cluster."
        })
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line as {@link #main} runs it; tests run it in-process with their own out and err. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        for (CommandLine sub : cli.getSubcommands().values()) {
            if (sub.getCommand() instanceof RunsTheJob command) {
                command.addJobFlags(sub.getCommandSpec());
            }
        }
        // A refused option or file is one line, not a stack trace.
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return ExitCodes.USAGE;
        });
        // A mistyped option is named with its likely fix, not buried above fifty lines of usage.
        cli.setParameterExceptionHandler((e, args) -> {
            CommandLine command = e.getCommandLine();
            PrintWriter err = command.getErr();
            err.println(e.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
            err.println("See './" + command.getCommandSpec().qualifiedName(" ") + " --help' for the options.");
            return ExitCodes.USAGE;
        });
        return cli;
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
