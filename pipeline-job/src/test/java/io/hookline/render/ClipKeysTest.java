package io.hookline.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClipKeysTest {

    @Test
    void aPlainIdIsItsOwnDirectory() {
        assertThat(ClipKeys.safeMatchDir("sample-match")).isEqualTo("sample-match");
        assertThat(ClipKeys.safeMatchDir("0021500001")).isEqualTo("0021500001");
        assertThat(ClipKeys.key("m1.final_2", "manifest.json")).isEqualTo("m1.final_2/manifest.json");
    }

    @Test
    void idsThatReadAlikeGetDirectoriesOfTheirOwn() {
        List<String> ids = List.of(
                "a/b",
                "a_b",
                "a b",
                "a\\b",
                "Спартак",
                "Динамо!",
                "Динамо?",
                "",
                ".",
                "..",
                "_",
                ".hidden",
                "_.hidden",
                "a\uD800",
                "a?");
        Set<String> dirs = new HashSet<>();
        for (String id : ids) {
            dirs.add(ClipKeys.safeMatchDir(id));
        }
        assertThat(dirs).hasSameSizeAs(ids);
        assertThat(ClipKeys.safeMatchDir("a_b")).isEqualTo("a_b");
        assertThat(ClipKeys.safeMatchDir("a/b")).matches("a_b~[0-9a-f]{12}");
        assertThat(ClipKeys.safeMatchDir("Спартак")).matches("_______~[0-9a-f]{12}");
    }

    @Test
    void aNameIsNeverHiddenEmptyOrAPathStep() {
        for (String id : List.of("", ".", "..", "../etc", ".hidden", "/", "a/../../b")) {
            String dir = ClipKeys.safeMatchDir(id);
            assertThat(dir).as(id).doesNotStartWith(".").doesNotContain("/").isNotEmpty();
        }
    }

    @Test
    void aLongIdIsCutToAValidNameThatStillTellsIdsApart() {
        String base = "x".repeat(300);
        String a = ClipKeys.safeMatchDir(base + "a");
        String b = ClipKeys.safeMatchDir(base + "b");
        assertThat(a).hasSize(ClipKeys.READABLE_CHARS + 13).startsWith("x".repeat(ClipKeys.READABLE_CHARS) + "~");
        assertThat(a).isNotEqualTo(b);
        // Exactly at the limit an id stays plain; one more character and it is cut and hashed.
        assertThat(ClipKeys.safeMatchDir("y".repeat(80))).isEqualTo("y".repeat(80));
        assertThat(ClipKeys.safeMatchDir("y".repeat(81))).startsWith("y".repeat(80) + "~");
    }
}
