package io.hookline.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileVersionTest {

    @TempDir
    Path dir;

    @Test
    void sameBytesGiveTheSameVersion(@TempDir Path other) throws IOException, ProfileException {
        ProfileFiles.copyShipped(dir);
        ProfileFiles.copyShipped(other);

        assertThat(ProfileLoader.load(dir).version()).isEqualTo(ProfileLoader.load(other).version());
    }

    @Test
    void oneChangedByteGivesANewVersion() throws IOException, ProfileException {
        ProfileFiles.copyShipped(dir);
        String before = ProfileLoader.load(dir).version();

        Path youtube = dir.resolve("profiles/youtube.yaml");
        byte[] bytes = Files.readAllBytes(youtube);
        // A letter in the opening comment: the profiles stay the same, the version must not.
        assertThat(new String(bytes, 0, 3, StandardCharsets.UTF_8)).isEqualTo("# Y");
        bytes[2] = 'y';
        Files.write(youtube, bytes);

        assertThat(ProfileLoader.load(dir).version()).isNotEqualTo(before);
    }

    @Test
    void renamingAFileGivesANewVersion() throws IOException, ProfileException {
        ProfileFiles.write(dir, "rules/highlights.yaml", ProfileFiles.RULES);
        ProfileFiles.write(dir, "profiles/a.yaml", ProfileFiles.PROFILE);
        String before = ProfileLoader.load(dir).version();

        Files.move(dir.resolve("profiles/a.yaml"), dir.resolve("profiles/b.yaml"));

        assertThat(ProfileLoader.load(dir).version()).isNotEqualTo(before);
    }

    @Test
    void versionHashesRulesThenProfilesByNameEachAfterItsName() throws IOException, ProfileException,
            NoSuchAlgorithmException {
        ProfileFiles.write(dir, "rules/highlights.yaml", ProfileFiles.RULES);
        ProfileFiles.write(dir, "profiles/b.yaml", ProfileFiles.PROFILE.replace("test", "second"));
        ProfileFiles.write(dir, "profiles/a.yaml", ProfileFiles.PROFILE);

        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        for (String name : new String[] {"rules/highlights.yaml", "profiles/a.yaml", "profiles/b.yaml"}) {
            sha256.update(name.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            sha256.update(Files.readAllBytes(dir.resolve(name)));
        }
        String expected = HexFormat.of().formatHex(sha256.digest()).substring(0, 12);

        assertThat(ProfileLoader.load(dir).version()).isEqualTo(expected);
    }
}
