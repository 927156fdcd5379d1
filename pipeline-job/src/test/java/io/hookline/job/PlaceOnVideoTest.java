package io.hookline.job;

import static io.hookline.testing.Events.event;
import static io.hookline.testing.Events.sourced;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.ingest.sync.MatchDescriptor;
import io.hookline.model.DeadLetter;
import io.hookline.model.MatchEvent;
import io.hookline.model.SourcedEvent;
import io.hookline.storage.s3.S3Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Events of a live feed timed by the wall clock, placed on a live playlist through its EXT-X-PROGRAM-DATE-TIME
 * tags as the playlist grows. The playlist is a real file read as the job reads it; only its text matters here.
 */
class PlaceOnVideoTest {
    private static final Instant EIGHT_PM = Instant.parse("2026-12-06T20:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(2);

    @TempDir
    Path live;

    private PlaceOnVideo place;
    private KeyedOneInputStreamOperatorTestHarness<String, SourcedEvent, SourcedEvent> harness;
    private long sequence;

    @BeforeEach
    void open() throws Exception {
        place = new PlaceOnVideo(new VideoSource(null, S3Settings.defaults(), true), WAIT, MatchRetention.FOR_THE_RUN);
        harness = Harnesses.keyed(place, e -> e.getEvent().getMatchId(), SourcedEvent.class, SourcedEvent.class);
        harness.open();
        harness.setProcessingTime(1_000);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void anEventWaitsForTheSegmentThatRecordsItsMomentAndTheMatchKeepsItsOrder() throws Exception {
        playlist(3, false);
        send(descriptor("m1", live.resolve("live.m3u8").toString()));
        send(atWallClock("m1", "e1", 3_000));
        send(atWallClock("m1", "e2", 7_250));
        send(event("e3", "SHOT", 9_000).setMatchId("m1"));

        assertThat(videoTimes()).containsExactly(0L, 3_000L);

        playlist(6, true);
        harness.setProcessingTime(1_300);

        assertThat(videoTimes()).containsExactly(0L, 3_000L, 7_250L, 9_000L);
        assertThat(output())
                .extracting(e -> e.getEvent().getEventId())
                .containsExactly(MatchDescriptor.EVENT_ID, "e1", "e2", "e3");
        assertThat(Harnesses.side(harness, DeadLetters.TAG)).isEmpty();
    }

    @Test
    void aMomentBeforeTheFirstDateOrNeverRecordedGoesToTheDeadLettersAndTheMatchGoesOn() throws Exception {
        playlist(3, false);
        send(descriptor("m1", live.resolve("live.m3u8").toString()));
        send(atWallClock("m1", "early", -60_000));
        send(atWallClock("m1", "late", 20_000));
        send(atWallClock("m1", "after", 1_000));

        harness.setProcessingTime(1_000 + WAIT.toMillis() - 1);
        assertThat(Harnesses.side(harness, DeadLetters.TAG)).hasSize(1);
        harness.setProcessingTime(1_000 + WAIT.toMillis() + 300);

        List<DeadLetter> dead = Harnesses.side(harness, DeadLetters.TAG);
        assertThat(dead)
                .extracting(DeadLetter::getReason)
                .containsExactly(
                        "event early: wallClock 2026-12-06T19:59:00Z cannot be placed on the video: no video was recorded at"
                                + " 2026-12-06T19:59:00Z (a time before the playlist's first EXT-X-PROGRAM-DATE-TIME or in a"
                                + " gap between its dates)",
                        "event late: wallClock 2026-12-06T20:00:20Z cannot be placed on the video: the video has not"
                                + " recorded 2026-12-06T20:00:20Z after waiting 2 s (it is recorded up to 2026-12-06T20:00:06Z)");
        assertThat(dead).allSatisfy(d -> assertThat(d.getMatchId()).isEqualTo("m1"));
        assertThat(videoTimes()).containsExactly(0L, 1_000L);
    }

    @Test
    void aVideoWithoutDatesCannotPlaceAWallClockTime() throws Exception {
        Path mp4 = Files.createFile(live.resolve("match.mp4"));
        send(descriptor("m2", mp4.toString()));
        send(atWallClock("m2", "e1", 1_000));
        send(descriptor("m3", null));
        send(atWallClock("m3", "e1", 1_000));

        assertThat(Harnesses.side(harness, DeadLetters.TAG))
                .extracting(DeadLetter::getReason)
                .containsExactly(
                        "event e1: wallClock 2026-12-06T20:00:01Z cannot be placed on the video: the match's video "
                                + mp4
                                + " is not an HLS playlist, whose EXT-X-PROGRAM-DATE-TIME tags would say when it was recorded",
                        "event e1: wallClock 2026-12-06T20:00:01Z cannot be placed on the video: " + VideoSource.NONE);
    }

    @Test
    void aMatchsPlaylistIsNoLongerFollowedOnceItsMatchEndHasBeenPlaced() throws Exception {
        playlist(3, false);
        send(descriptor("m1", live.resolve("live.m3u8").toString()));
        send(atWallClock("m1", "e1", 1_000));
        send(event("end", "MATCH_END", 0)
                .setMatchId("m1")
                .setVideoTimeMs(null)
                .setWallClockMs(EIGHT_PM.toEpochMilli() + 8_000));
        assertThat(place.followedPlaylists()).isEqualTo(1);

        playlist(6, true);
        harness.setProcessingTime(1_000 + PlaceOnVideo.POLL.toMillis());

        assertThat(videoTimes()).containsExactly(0L, 1_000L, 8_000L);
        assertThat(place.followedPlaylists()).isZero();
    }

    /** The first {@code count} two-second segments, dated from 20:00:00. */
    private void playlist(int count, boolean ended) throws Exception {
        StringBuilder text = new StringBuilder("#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXT-X-MEDIA-SEQUENCE:0\n"
                + "#EXT-X-PROGRAM-DATE-TIME:2026-12-06T20:00:00.000Z\n");
        IntStream.range(0, count)
                .forEach(i -> text.append("#EXTINF:2.000,\nseg").append(i).append(".ts\n"));
        Path temp = live.resolve("live.m3u8.tmp");
        Files.writeString(temp, text.append(ended ? "#EXT-X-ENDLIST\n" : ""));
        Files.move(temp, live.resolve("live.m3u8"), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static MatchEvent descriptor(String matchId, String video) {
        return new MatchDescriptor(matchId, null, null, null, video).event();
    }

    private static MatchEvent atWallClock(String matchId, String eventId, long afterEightPmMs) {
        return event(eventId, "GOAL", 0)
                .setMatchId(matchId)
                .setVideoTimeMs(null)
                .setWallClockMs(EIGHT_PM.toEpochMilli() + afterEightPmMs)
                .build();
    }

    private void send(MatchEvent.Builder e) throws Exception {
        send(e.build());
    }

    private void send(MatchEvent e) throws Exception {
        harness.processElement(sourced(e, sequence++), 0);
    }

    private List<SourcedEvent> output() {
        return harness.extractOutputValues();
    }

    private List<Long> videoTimes() {
        return output().stream().map(e -> e.getEvent().getVideoTimeMs()).toList();
    }
}
