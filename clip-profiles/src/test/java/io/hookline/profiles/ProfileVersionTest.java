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

        assertThat(ProfileLoader.load(dir).version())
                .isEqualTo(ProfileLoader.load(other).version());
    }

    @Test
    void oneChangedByteGivesANewVersion() throws IOException, ProfileException {
        ProfileFiles.copyShipped(dir);
        String before = ProfileLoader.load(dir).version();

        Path youtube = dir.resolve("profiles/youtube.yaml");
        String text = Files.readString(youtube);
        // A letter in a comment: the profiles stay the same, the version must not.
        assertThat(text).contains("# YouTube renditions");
        Files.writeString(youtube, text.replace("# YouTube renditions", "# youTube renditions"));

        assertThat(ProfileLoader.load(dir).version()).isNotEqualTo(before);
    }

    @Test
    void aChangedImageGivesANewVersion() throws IOException, ProfileException {
        ProfileFiles.writeValid(dir);
        String before = ProfileLoader.load(dir).version();

        byte[] logo = Files.readAllBytes(dir.resolve(ProfileFiles.LOGO_FILE));
        logo[logo.length - 1] ^= 1;
        Files.write(dir.resolve(ProfileFiles.LOGO_FILE), logo);

        assertThat(ProfileLoader.load(dir).version()).isNotEqualTo(before);
    }

    @Test
    void renamingAFileGivesANewVersion() throws IOException, ProfileException {
        ProfileFiles.writeValid(dir);
        String before = ProfileLoader.load(dir).version();

        Files.move(dir.resolve(ProfileFiles.PROFILE_FILE), dir.resolve("profiles/b.yaml"));

        assertThat(ProfileLoader.load(dir).version()).isNotEqualTo(before);
    }

    @Test
    void versionHashesRulesProfilesGraphicsThenImagesByNameEachAfterItsName()
            throws IOException, ProfileException, NoSuchAlgorithmException {
        ProfileFiles.writeValid(dir);
        Files.move(dir.resolve(ProfileFiles.PROFILE_FILE), dir.resolve("profiles/a.yaml"));
        ProfileFiles.write(dir, "profiles/b.yaml", ProfileFiles.PROFILE.replace("test", "second"));

        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        for (String name : new String[] {
            "rules/highlights.yaml", "profiles/a.yaml", "profiles/b.yaml", "graphics/test.yaml", "graphics/logo.png"
        }) {
            sha256.update(name.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            sha256.update(Files.readAllBytes(dir.resolve(name)));
        }
        String expected = HexFormat.of().formatHex(sha256.digest()).substring(0, 12);

        assertThat(ProfileLoader.load(dir).version()).isEqualTo(expected);
    }
}
