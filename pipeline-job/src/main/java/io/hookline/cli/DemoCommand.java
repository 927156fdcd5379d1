package io.hookline.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ./hookline demo}: generates a sample match and runs the job on it. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Generates a sample match (video and events) and turns it into clips.")
final class DemoCommand implements Callable<Integer> {
    @Mixin
    RunOptions options;

    @Override
    public Integer call() throws Exception {
        throw new UnsupportedOperationException("the sample match generator is not wired yet");
    }
}
