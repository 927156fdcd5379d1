package io.hookline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.publish.MatchClips;
import io.hookline.publish.emulator.PlatformEmulators;
import io.hookline.sample.SampleMatch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./hookline demo --publish --draft}: the sample match rendered, then its clips published to the
 * shipped destinations pointed at the platform emulators: every post printed with its URL, and the emulators'
 * counts agreeing with the posts printed, one per (clip, destination) the destinations take.
 */
class DemoPublishE2E {
    private static final Pattern POSTED = Pattern.compile("^ +(\\S+) +#\\d+ +POSTED +(\\S.*)$", Pattern.MULTILINE);
    private static final Pattern HELD = Pattern.compile("(\\w+) (\\d+)");

    @TempDir
    Path dir;

    @Test
    void theDemoPublishesItsClipsToTheEmulatorsAndPrintsEachPostsUrl() throws Exception {
        CliRun run = CliRun.of("demo", "--publish", "--draft", "--out", dir.toString());

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        MatchClips match = MatchClips.read(dir.resolve(SampleMatch.MATCH_ID));
        Map<String, Integer> postedPerDestination = new HashMap<>();
        Matcher posted = POSTED.matcher(run.out());
        while (posted.find()) {
            postedPerDestination.merge(posted.group(1), 1, Integer::sum);
            String detail = posted.group(2);
            // Instagram's and WhatsApp's answers carry no address: the post's id stands in.
            assertThat(detail)
                    .as(posted.group())
                    .matches(
                            posted.group(1).startsWith("youtube")
                                    ? "https?://\\S+"
                                    : "https?://\\S+|no address; post id \\S+");
        }
        // The demo renders youtube-landscape, instagram-reels and whatsapp: their destinations get posts.
        assertThat(postedPerDestination).containsKeys("youtube-main", "instagram-main", "whatsapp-alerts");
        long okClips = match.clips().stream()
                .filter(c -> c.rendition("whatsapp").map(r -> r.ok()).orElse(false))
                .count();
        assertThat(postedPerDestination.get("whatsapp-alerts")).isPositive().isLessThanOrEqualTo((int) okClips);

        String held = run.out()
                .lines()
                .filter(l -> l.startsWith("Emulators hold:"))
                .findFirst()
                .orElseThrow();
        Map<String, Integer> counts = new HashMap<>();
        Matcher count = HELD.matcher(held.substring("Emulators hold:".length()));
        while (count.find()) {
            counts.put(count.group(1), Integer.parseInt(count.group(2)));
        }
        assertThat(counts.get("youtube")).isEqualTo(postedPerDestination.get("youtube-main"));
        assertThat(counts.get("instagram")).isEqualTo(postedPerDestination.get("instagram-main"));
        assertThat(counts.get("whatsapp"))
                .as("one opted-in number")
                .isEqualTo(postedPerDestination.get("whatsapp-alerts"));
        assertThat(run.out())
                .contains(
                        postedPerDestination.values().stream().mapToInt(i -> i).sum() + " POSTED");

        try (Stream<Path> files = Files.list(dir.resolve(DemoPublish.DIR).resolve("credentials"))) {
            for (Path file : files.toList()) {
                assertThat(Files.readString(file).strip())
                        .as(file.toString())
                        .isIn(PlatformEmulators.TOKEN, PlatformEmulators.WEBHOOK_SECRET);
            }
        }
    }
}
