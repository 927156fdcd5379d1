package io.hookline.publish.youtube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookline.profiles.Platform;
import io.hookline.profiles.Privacy;
import io.hookline.publish.PlatformFixtures;
import io.hookline.publish.PublishItem;
import io.hookline.publish.PublishRefusedException;
import io.hookline.publish.ledger.PublishKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What YouTube's metadata rules do to a post's text. */
class YouTubeLimitsTest {

    @Test
    void aTitleLosesItsAnglesAndIsCutTo100Characters() throws Exception {
        String title = "<" + "⚽".repeat(120) + ">";

        String cleaned = YouTubeLimits.title(item(title));

        assertThat(cleaned.codePointCount(0, cleaned.length())).isEqualTo(100);
        assertThat(cleaned).startsWith("⚽⚽").endsWith("⚽…").doesNotContain("<", ">");
    }

    @Test
    void anEmptyTitleIsRefusedNamingTheRecord() {
        assertThatThrownBy(() -> YouTubeLimits.title(item(" <> ")))
                .isInstanceOf(PublishRefusedException.class)
                .hasMessage("clip001/youtube-shorts@yt: the title is empty; YouTube needs one");
    }

    private static PublishItem item(String title) {
        return new PublishItem(
                new PublishKey("clip001", "youtube-shorts", "yt"),
                "match-1",
                "play",
                1,
                1.0,
                title,
                "",
                Path.of("clip.mp4"),
                1,
                "",
                PlatformFixtures.destination("yt", Platform.YOUTUBE, "UC", "youtube-shorts", Privacy.PUBLIC, true),
                null);
    }

    @Test
    void aLongDescriptionIsCutOnACharacterBoundaryUnder5000Bytes() {
        String caption = "é".repeat(3000); // two bytes each

        String description = YouTubeLimits.description(caption);

        assertThat(description.getBytes(StandardCharsets.UTF_8)).hasSize(5000);
        assertThat(description).matches("é+");
    }

    @Test
    void anglesAreTakenOutOfTheDescription() {
        assertThat(YouTubeLimits.description("<b>Goal</b> — 2-1")).isEqualTo("bGoal/b — 2-1");
    }
}
