package io.hookline.job;

import io.hookline.profiles.Problem;
import io.hookline.profiles.ProfileException;
import io.hookline.storage.ClipStore;
import io.hookline.storage.ProfileStatus;
import io.hookline.storage.ProfileStore;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks at a profile store's pointer and takes the version it names once that version loads and validates; a
 * version that does not is refused, with its problems in the log and in {@link ProfileStatus}, and the job
 * keeps the version it has. A store that cannot be read is tried again at the next look.
 */
final class ProfileWatch {
    private static final Logger LOG = LoggerFactory.getLogger(ProfileWatch.class);

    private final ProfileVersions versions;
    private final ProfileStore store;
    private final ClipStore output;
    private final Clock clock;
    private String seen;
    private String running;
    private String refused;
    private List<String> problems = List.of();

    /** @param output where the status is written for the console */
    ProfileWatch(ProfileVersions versions, ProfileStore store, ClipStore output, Clock clock) {
        this.versions = versions;
        this.store = store;
        this.output = output;
        this.clock = clock;
    }

    /** The version the pointer names when it was just taken; empty when nothing new was taken at this look. */
    Optional<String> look() {
        Optional<String> pointer;
        try {
            pointer = store.current();
        } catch (IOException e) {
            LOG.warn(
                    "cannot read the profile pointer of {}: {}; trying again at the next look",
                    store.describe(),
                    e.getMessage());
            return Optional.empty();
        }
        if (pointer.isEmpty() || pointer.get().equals(seen)) {
            return Optional.empty();
        }
        String version = pointer.get();
        try {
            versions.load(version);
        } catch (IOException e) {
            LOG.warn(
                    "cannot read profile version {} from {}: {}; trying again at the next look",
                    version,
                    store.describe(),
                    e.getMessage());
            return Optional.empty();
        } catch (ProfileException e) {
            seen = version;
            refused = version;
            problems = e.problems().stream().map(Problem::toString).toList();
            // Just after a restore the planners' version is in their state, not known here.
            LOG.warn(
                    "refused profile version {}; clips are still planned with {}. {}",
                    version,
                    running == null ? "the version the job had" : "version " + running,
                    e.getMessage());
            report();
            return Optional.empty();
        }
        seen = version;
        running = version;
        refused = null;
        problems = List.of();
        LOG.info("took profile version {} from {}: clips planned from now on use it", version, store.describe());
        report();
        return Optional.of(version);
    }

    private void report() {
        ProfileStatus status = new ProfileStatus(
                store.describe(), running, refused, problems, clock.instant().toString());
        try {
            output.write(ProfileStatus.KEY, status.json());
        } catch (IOException e) {
            LOG.warn("cannot write {}: {}", output.locate(ProfileStatus.KEY), e.getMessage());
        }
    }
}
