package io.hookline.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ./hookline profiles}: tools for the editors of clip-profiles/. */
@Command(
        name = "profiles",
        mixinStandardHelpOptions = true,
        description =
                "Checks the clip profiles, shows what a rendition or template ends up with, or pushes a set to a running job.",
        subcommands = {
            ValidateProfilesCommand.class,
            ExplainProfileCommand.class,
            PreviewProfilesCommand.class,
            PushProfilesCommand.class
        },
        commandListHeading = "%nCommands:%n")
final class ProfilesCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
