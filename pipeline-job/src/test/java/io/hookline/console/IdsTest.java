package io.hookline.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdsTest {

    @ParameterizedTest
    @ValueSource(strings = {"derby-2026-11-29", "c0001", "youtube-shorts", "match_1.final", "a"})
    void plainNamesPass(String id) {
        assertThat(Ids.require(id, "match id")).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "..",
                "../x",
                "a/../b",
                "a/b",
                "a\\b",
                ".hidden",
                "a..b",
                "%2e%2e",
                "a%2fb",
                "a\u0000b",
                "",
                " a",
                "ä"
            })
    void anythingThatCouldLeaveAFolderIsRefused(String id) {
        assertThatThrownBy(() -> Ids.require(id, "clip id"))
                .isInstanceOf(Ids.BadIdException.class)
                .hasMessageStartingWith("clip id is not a valid name");
    }

    @Test
    void aNameLongerThan128CharactersIsRefused() {
        assertThat(Ids.valid("x".repeat(128))).isTrue();
        assertThat(Ids.valid("x".repeat(129))).isFalse();
    }

    @Test
    void aManifestPathMustStayInItsMatchFolder() {
        assertThat(OutputFolder.requireInside("clips/c1/youtube.mp4")).isEqualTo("clips/c1/youtube.mp4");
        for (String bad :
                new String[] {"../other/manifest.json", "clips/../../x", "/etc/passwd", "clips\\..\\x", "./x"}) {
            assertThatThrownBy(() -> OutputFolder.requireInside(bad)).as(bad).isInstanceOf(Ids.BadIdException.class);
        }
    }

    @Test
    void aPasswordMatchesOnlyItsOwnHash() {
        String hash = PasswordHash.hash("correct horse".toCharArray());
        assertThat(hash).startsWith("pbkdf2-sha256$").doesNotContain("correct horse");
        assertThat(PasswordHash.matches("correct horse".toCharArray(), hash)).isTrue();
        assertThat(PasswordHash.matches("correct hors".toCharArray(), hash)).isFalse();
        assertThat(PasswordHash.hash("correct horse".toCharArray())).isNotEqualTo(hash);
    }
}
