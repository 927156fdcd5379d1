package io.hookline.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookline.profiles.Problem;
import io.hookline.profiles.ProfileException;
import io.hookline.profiles.ProfileSet;
import io.hookline.storage.s3.S3Settings;
import io.hookline.testing.TestProfiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A profile store in a local directory: versions pushed whole behind a pointer, refused when invalid or changed. */
class ProfileStoreTest {
    @TempDir
    Path dir;

    Path set;
    Path root;
    ProfileStore store;

    @BeforeEach
    void setUp() throws Exception {
        set = TestProfiles.write(dir.resolve("set"));
        root = dir.resolve("store");
        store = ProfileStore.open(root.toString(), S3Settings.defaults());
    }

    @Test
    void aPushUploadsTheVersionsFilesThenPointsAtIt() throws Exception {
        assertThat(ProfileStore.isStore(root.toString())).isFalse();
        assertThat(store.current()).isEmpty();

        String version = store.push(set);

        assertThat(store.current()).contains(version);
        assertThat(ProfileStore.isStore(root.toString())).isTrue();
        assertThat(files(root.resolve("versions").resolve(version)))
                .containsExactly("graphics/plain.yaml", "profiles/small.yaml", "rules/highlights.yaml");
        ProfileSet loaded = store.load(version);
        assertThat(loaded.version()).isEqualTo(version);
        assertThat(loaded.renditionNames()).containsExactly("small-landscape", "small-vertical");
    }

    @Test
    void aSecondVersionLeavesTheFirstAsItWas() throws Exception {
        String first = store.push(set);
        TestProfiles.shrinkLandscape(set);
        String second = store.push(set);

        assertThat(second).isNotEqualTo(first);
        assertThat(store.current()).contains(second);
        assertThat(store.load(first).rendition("small-landscape").video().width())
                .isEqualTo(640);
        assertThat(store.load(second).rendition("small-landscape").video().width())
                .isEqualTo(480);
    }

    @Test
    void anInvalidSetIsRefusedWithItsProblemsAndNothingIsUploaded() throws Exception {
        TestProfiles.breakVertical(set);

        assertThatThrownBy(() -> store.push(set))
                .isInstanceOfSatisfying(
                        ProfileException.class,
                        e -> assertThat(e.problems())
                                .extracting(Problem::toString)
                                .anySatisfy(p -> assertThat(p)
                                        .startsWith("profiles/small.yaml:18:")
                                        .contains("width")));
        assertThat(root).doesNotExist();
    }

    @Test
    void aVersionWhoseFilesWereChangedAfterThePushIsRefused() throws Exception {
        String version = store.push(set);
        Path pushed = root.resolve("versions").resolve(version);
        TestProfiles.shrinkLandscape(pushed);

        assertThatThrownBy(() -> store.load(version))
                .isInstanceOf(ProfileException.class)
                .hasMessageContaining("versions/" + version + "/:0:0: holds profile version")
                .hasMessageContaining("its files were changed after they were pushed");
    }

    @Test
    void aPointerToAVersionThatWasNeverPushedIsRefused() throws Exception {
        Files.createDirectories(root);
        Files.writeString(root.resolve(ProfileStore.POINTER), "0123456789ab\n");

        assertThat(store.current()).contains("0123456789ab");
        assertThatThrownBy(() -> store.load("0123456789ab"))
                .isInstanceOf(ProfileException.class)
                .hasMessageContaining("no files: version 0123456789ab was never pushed here");
        assertThatThrownBy(() -> store.load("../elsewhere"))
                .isInstanceOf(ProfileException.class)
                .hasMessageContaining("current:0:0: names no version: '../elsewhere'");
    }

    @Test
    void aHandWrittenVersionWithAMistakeIsRefusedWithFileLineAndColumn() throws Exception {
        TestProfiles.breakVertical(set);
        Path version = root.resolve("versions/badbadbadbad");
        copy(set, version);

        assertThatThrownBy(() -> store.load("badbadbadbad")).isInstanceOfSatisfying(ProfileException.class, e -> {
            assertThat(e.getMessage()).startsWith("invalid clip profiles in " + root.resolve("versions/badbadbadbad"));
            assertThat(e.problems())
                    .extracting(Problem::file, Problem::line)
                    .contains(org.assertj.core.api.Assertions.tuple("profiles/small.yaml", 18));
        });
    }

    private static void copy(Path from, Path to) throws Exception {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                Files.createDirectories(target.getParent());
                Files.copy(f, target);
            }
        }
    }

    private static java.util.List<String> files(Path dir) throws Exception {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .map(f -> dir.relativize(f).toString())
                    .sorted()
                    .toList();
        }
    }
}
