package io.hookline.cli;

import io.hookline.profiles.Problem;
import io.hookline.profiles.ProfileException;
import io.hookline.storage.ProfileStore;
import io.hookline.storage.s3.S3Settings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ./hookline profiles push DIR TARGET}: a validated profile set as a new version of a profile store. */
@Command(
        name = "push",
        mixinStandardHelpOptions = true,
        description = {
            "Validates the profile set in DIR as 'profiles validate' does, uploads its files as a new version"
                    + " of the profile store TARGET (versions/<version>/), then points the store at it (current). A live job"
                    + " reading TARGET takes it at its next look; readers never see half a set.",
            "Exit code 0 when the version is pushed, 2 when the set has problems (nothing is uploaded) or the store"
                    + " cannot be written."
        })
final class PushProfilesCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "The clip-profiles directory to push.")
    Path dir;

    @Parameters(
            index = "1",
            paramLabel = "TARGET",
            description = "The profile store: s3://bucket/prefix or a directory.")
    String target;

    @Option(names = "--s3-endpoint", description = "Endpoint of an S3-compatible store, for an s3:// TARGET.")
    String s3Endpoint;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ProfileSource source = ProfileSource.of(dir);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        S3Settings s3 = s3Endpoint == null
                ? S3Settings.defaults()
                : S3Settings.defaults().withEndpoint(s3Endpoint);
        ProfileStore store = ProfileStore.open(target, s3);
        try {
            String version = store.push(source.dir());
            out.printf(
                    "pushed profile version %s to %s; a live job reading it takes it at its next look%n",
                    version, store.describe());
            return ExitCodes.OK;
        } catch (ProfileException e) {
            for (Problem problem : e.problems()) {
                out.println(source.format(problem));
            }
            int count = e.problems().size();
            err.printf("%d problem%s in %s; nothing was pushed%n", count, count == 1 ? "" : "s", source.describe());
            return ExitCodes.USAGE;
        } catch (IOException | RuntimeException e) {
            err.printf("cannot push to %s: %s%n", store.describe(), e.getMessage());
            return ExitCodes.USAGE;
        } finally {
            out.flush();
            err.flush();
        }
    }
}
