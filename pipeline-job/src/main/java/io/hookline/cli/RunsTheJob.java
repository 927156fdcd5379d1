package io.hookline.cli;

import picocli.CommandLine.Model.CommandSpec;

/** A command that runs the job, and so takes job options as flags built from their declarations. */
interface RunsTheJob {
    /** Adds the command's job-option flags to its picocli model; {@link Main#commandLine} calls it once. */
    void addJobFlags(CommandSpec command);
}
