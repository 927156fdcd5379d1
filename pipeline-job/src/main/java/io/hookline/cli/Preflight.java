package io.hookline.cli;

import io.hookline.ingest.FeedReader;
import io.hookline.job.JobOptions;
import io.hookline.storage.s3.S3Location;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.flink.configuration.Configuration;

/**
 * What can be checked about the feed file and the output directory before the job starts. Found here, a
 * problem is one line and exit code 2; found by the job, it would be "Job execution failed" and a stack trace.
 */
final class Preflight {

    private Preflight() {}

    /** The first problem with the run's files, or empty when the job can start. */
    static Optional<String> problem(Configuration conf) {
        String feed = conf.get(JobOptions.EVENTS);
        Optional<String> problem = feed == null ? Optional.empty() : feed(Path.of(feed));
        return problem.isPresent() ? problem : output(conf.get(JobOptions.OUT));
    }

    /** The feed is a readable file whose first record can be read: an Avro header is checked here, whole. */
    static Optional<String> feed(Path feed) {
        if (Files.isDirectory(feed)) {
            return Optional.of("the event feed is a directory, not a file: " + feed);
        }
        if (!Files.isRegularFile(feed) || !Files.isReadable(feed)) {
            return Optional.of("event feed not found or not readable: " + feed);
        }
        try (InputStream in = Files.newInputStream(feed);
                FeedReader reader = FeedReader.open(in, feed.toString())) {
            if (reader.next() == null) {
                return Optional.of(feed + ": the event feed holds no events ("
                        + (Files.size(feed) == 0 ? "the file is empty" : "nothing but blank lines or an Avro header")
                        + ")");
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** A local output directory exists as a writable directory, or can be made. */
    static Optional<String> output(String out) {
        if (S3Location.isS3(out)) {
            return Optional.empty();
        }
        Path dir = Path.of(out);
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            return Optional.of("--out is a file, not a directory: " + out);
        }
        try {
            Files.createDirectories(dir);
        } catch (AccessDeniedException e) {
            return Optional.of("--out cannot be created: " + out + " (permission denied: " + e.getFile() + ")");
        } catch (IOException e) {
            return Optional.of("--out cannot be created: " + out + " (" + e.getMessage() + ")");
        }
        if (!Files.isWritable(dir)) {
            return Optional.of("--out is not writable: " + out);
        }
        return Optional.empty();
    }
}
