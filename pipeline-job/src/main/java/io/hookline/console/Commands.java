package io.hookline.console;

import java.io.PrintWriter;

/** Runs a {@code ./hookline} command in this JVM (the CLI hands itself in, so the console does not import it). */
@FunctionalInterface
public interface Commands {
    int run(PrintWriter out, String... args);
}
