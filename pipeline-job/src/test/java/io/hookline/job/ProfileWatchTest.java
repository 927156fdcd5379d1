package io.hookline.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.profiles.ProfileSet;
import io.hookline.storage.LocalClipStore;
import io.hookline.storage.ProfileStatus;
import io.hookline.storage.ProfileStore;
import io.hookline.storage.s3.S3Settings;
import io.hookline.testing.SteppingClock;
import io.hookline.testing.TestProfiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The poller's look at a profile store: a new valid version is taken once, an invalid one refused and reported. */
class ProfileWatchTest {
    @TempDir
    Path dir;

    Path set;
    Path root;
    Path out;
    ProfileStore store;
    String first;

    @BeforeEach
    void setUp() throws Exception {
        set = TestProfiles.write(dir.resolve("set"));
        root = dir.resolve("store");
        out = dir.resolve("out");
        store = ProfileStore.open(root.toString(), S3Settings.defaults());
        first = store.push(set);
    }

    @Test
    void aNewVersionIsTakenOnceAndTheStatusNamesIt() throws Exception {
        ProfileWatch watch = watch(null);

        assertThat(watch.look()).as("the version the job started with").contains(first);
        assertThat(watch.look()).as("nothing new").isEmpty();
        TestProfiles.shrinkLandscape(set);
        String second = store.push(set);

        assertThat(watch.look()).contains(second);
        assertThat(watch.look()).isEmpty();
        ProfileStatus status = status();
        assertThat(status.running()).isEqualTo(second);
        assertThat(status.refused()).isNull();
        assertThat(status.store()).isEqualTo(root.toAbsolutePath().toString());
    }

    @Test
    void anInvalidVersionIsRefusedWithItsProblemsAndTheJobKeepsItsVersion() throws Exception {
        ProfileWatch watch = watch(null);
        watch.look();
        // Written by hand, around the push that would have refused it.
        TestProfiles.breakVertical(set);
        handPush(set, "badbadbadbad");

        assertThat(watch.look()).isEmpty();
        ProfileStatus status = status();
        assertThat(status.running()).isEqualTo(first);
        assertThat(status.refused()).isEqualTo("badbadbadbad");
        assertThat(status.problems()).anySatisfy(p -> assertThat(p).startsWith("profiles/small.yaml:18:"));

        // A valid version after it is taken, and the refusal is cleared.
        set = TestProfiles.write(dir.resolve("set"));
        TestProfiles.shrinkLandscape(set);
        String fixed = store.push(set);
        assertThat(watch.look()).contains(fixed);
        assertThat(status().refused()).isNull();
        assertThat(status().problems()).isEmpty();
    }

    @Test
    void aVersionWithoutARenditionTheJobRendersIsRefused() throws Exception {
        ProfileWatch watch = watch(List.of("small-vertical"));
        watch.look();
        Files.writeString(
                set.resolve("profiles/small.yaml"),
                Files.readString(set.resolve("profiles/small.yaml")).replace("small-vertical:", "small-upright:"));
        String renamed = store.push(set);

        assertThat(watch.look()).isEmpty();
        assertThat(status().refused()).isEqualTo(renamed);
        assertThat(status().problems())
                .singleElement()
                .asString()
                .startsWith("profiles/:0:0: the job renders [small-vertical]: ")
                .contains("small-vertical");
    }

    private ProfileWatch watch(List<String> renditions) throws Exception {
        ProfileSet start = store.load(first);
        ProfileVersions versions = new ProfileVersions(
                renditions == null ? start : start.only(renditions),
                root.toString(),
                S3Settings.defaults(),
                renditions);
        return new ProfileWatch(
                versions,
                versions.openStore(),
                new LocalClipStore(out),
                new SteppingClock(Instant.parse("2026-12-07T02:00:00Z")));
    }

    private ProfileStatus status() throws Exception {
        return ProfileStatus.parse(Files.readAllBytes(out.resolve(ProfileStatus.KEY)));
    }

    private void handPush(Path from, String version) throws Exception {
        Path to = root.resolve("versions").resolve(version);
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                Files.createDirectories(target.getParent());
                Files.copy(f, target);
            }
        }
        Files.writeString(root.resolve(ProfileStore.POINTER), version + "\n");
    }
}
