package io.hookline.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.hookline.model.ClipKind;
import io.hookline.model.ClipPlan;
import io.hookline.model.RenderedClip;
import io.hookline.model.Rendition;
import io.hookline.model.RenditionStatus;
import io.hookline.model.Segment;
import io.hookline.model.SegmentRole;
import io.hookline.profiles.ProfileException;
import io.hookline.profiles.ProfileLoader;
import io.hookline.profiles.ProfileSet;
import io.hookline.profiles.VideoSpec;
import io.hookline.render.ClipRenderer;
import io.hookline.render.RenderResults;
import io.hookline.storage.ProfileStore;
import io.hookline.storage.s3.S3Settings;
import io.hookline.testing.TestProfiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.datastream.AsyncDataStream.OutputMode;
import org.apache.flink.streaming.api.functions.async.AsyncFunction;
import org.apache.flink.streaming.api.operators.async.AsyncWaitOperatorFactory;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The render stage's passes: a live clip's cheapest rendition first, on a renderer no other clip's rest holds. */
class RenderClipsTest {
    private static final List<String> RENDITIONS = List.of("youtube-landscape", "instagram-reels", "whatsapp");
    private static final ProfileVersions BUNDLED = bundled();
    /** What the renderer was asked for, in order: clip id and renditions. */
    private static final List<String> CALLS = Collections.synchronizedList(new ArrayList<>());

    private static CountDownLatch secondClipFirstPass;
    private static CountDownLatch release;

    @BeforeEach
    void reset() {
        CALLS.clear();
        secondClipFirstPass = new CountDownLatch(1);
        release = new CountDownLatch(1);
    }

    @Test
    void aLiveClipsCheapestRenditionIsRenderedAloneFirstAndTheClipJoinsBothPasses() throws Exception {
        RenderClips render = new RenderClips(
                RenderClipsTest::recording,
                new VideoSource(null, null, true),
                BUNDLED,
                true,
                1,
                RenditionPasses.cheapestFirst());
        List<RenderedClip> out = run(render, plan("c-1", 1.0));

        assertThat(CALLS).containsExactly("c-1 [whatsapp]", "c-1 [youtube-landscape, instagram-reels]");
        assertThat(out).singleElement().satisfies(clip -> {
            assertThat(clip.getRenditions()).extracting(Rendition::getProfile).containsExactlyElementsOf(RENDITIONS);
            assertThat(clip.getNotes()).containsExactly("rendered by the test");
        });
    }

    @Test
    void aClipsFirstRenditionDoesNotWaitBehindTheRestOfAnEarlierClip() throws Exception {
        // The first clip's rest pass holds the only renderer until the second clip's first pass has run: with
        // one queue for both, this would never finish.
        RenderClips render = new RenderClips(
                RenderClipsTest::blockingRest,
                new VideoSource(null, null, true),
                BUNDLED,
                true,
                1,
                RenditionPasses.cheapestFirst());
        List<RenderedClip> out = run(render, plan("c-1", 1.0), plan("c-2", 0.5));

        assertThat(out).hasSize(2);
        assertThat(CALLS.indexOf("c-2 [whatsapp]"))
                .isLessThan(CALLS.indexOf("c-1 [youtube-landscape, instagram-reels] done"));
    }

    @Test
    void aBatchClipIsRenderedInOnePass() throws Exception {
        RenderClips render = new RenderClips(
                RenderClipsTest::recording,
                new VideoSource(null, null, false),
                BUNDLED,
                false,
                1,
                RenditionPasses.together());
        List<RenderedClip> out = run(render, plan("c-1", 1.0));

        assertThat(CALLS).containsExactly("c-1 [youtube-landscape, instagram-reels, whatsapp]");
        assertThat(out)
                .singleElement()
                .extracting(c -> c.getRenditions().size())
                .isEqualTo(3);
    }

    @Test
    void aPlanIsRenderedWithTheProfileVersionItWasMadeWithAndNamesIt(@TempDir Path dir) throws Exception {
        Path set = TestProfiles.write(dir.resolve("set"));
        ProfileStore store = ProfileStore.open(dir.resolve("store").toString(), S3Settings.defaults());
        String first = store.push(set);
        TestProfiles.shrinkLandscape(set);
        String second = store.push(set);
        // A fresh task, as after a restore: the job started on the first version, and plans of both are queued.
        ProfileVersions versions =
                new ProfileVersions(store.load(first), dir.resolve("store").toString(), S3Settings.defaults(), null);
        RenderClips render = new RenderClips(
                RenderClipsTest::sizes,
                new VideoSource(null, null, true),
                versions,
                true,
                1,
                RenditionPasses.cheapestFirst());

        List<RenderedClip> out =
                run(render, plan("c-1", 1.0, first), plan("c-2", 0.5, second), plan("c-3", 0.2, "0123456789ab"));

        assertThat(CALLS).contains("c-1 small-landscape 640x360", "c-2 small-landscape 480x270");
        assertThat(out)
                .extracting(RenderedClip::getClipId, RenderedClip::getProfileVersion)
                .containsExactlyInAnyOrder(tuple("c-1", first), tuple("c-2", second), tuple("c-3", "0123456789ab"));
        assertThat(out)
                .filteredOn(c -> c.getClipId().equals("c-3"))
                .singleElement()
                .satisfies(c -> assertThat(c.getRenditions()).allSatisfy(r -> {
                    assertThat(r.getStatus()).isEqualTo(RenditionStatus.failed);
                    assertThat(r.getError()).contains("cannot load profile version 0123456789ab");
                }));
    }

    @Test
    void aPlanStillQueuedAtACheckpointIsRenderedWithItsOwnVersionAfterTheRestore(@TempDir Path dir) throws Exception {
        Path set = TestProfiles.write(dir.resolve("set"));
        ProfileStore store = ProfileStore.open(dir.resolve("store").toString(), S3Settings.defaults());
        String first = store.push(set);
        TestProfiles.shrinkLandscape(set);
        String second = store.push(set);
        ProfileVersions versions =
                new ProfileVersions(store.load(first), dir.resolve("store").toString(), S3Settings.defaults(), null);

        OperatorSubtaskState snapshot;
        OneInputStreamOperatorTestHarness<ClipPlan, RenderedClip> before = harness(new RenderClips(
                RenderClipsTest::held,
                new VideoSource(null, null, true),
                versions,
                true,
                1,
                RenditionPasses.cheapestFirst()));
        before.open();
        before.processElement(new StreamRecord<>(plan("c-2", 0.5, second)));
        snapshot = before.snapshot(1, 1);
        release.countDown();
        before.close();

        CALLS.clear();
        List<RenderedClip> out;
        try (OneInputStreamOperatorTestHarness<ClipPlan, RenderedClip> after = harness(new RenderClips(
                RenderClipsTest::sizes,
                new VideoSource(null, null, true),
                versions,
                true,
                1,
                RenditionPasses.cheapestFirst()))) {
            after.initializeState(snapshot);
            after.open();
            after.endInput();
            out = outputs(after);
        }
        assertThat(CALLS).containsExactly("c-2 small-landscape 480x270", "c-2 small-vertical 360x640");
        assertThat(out)
                .extracting(RenderedClip::getClipId, RenderedClip::getProfileVersion)
                .containsExactly(tuple("c-2", second));
    }

    private static OneInputStreamOperatorTestHarness<ClipPlan, RenderedClip> harness(
            AsyncFunction<ClipPlan, RenderedClip> render) throws Exception {
        return new OneInputStreamOperatorTestHarness<>(
                new AsyncWaitOperatorFactory<>(render, 60_000, 10, OutputMode.UNORDERED),
                Harnesses.avro(ClipPlan.class));
    }

    private static List<RenderedClip> outputs(OneInputStreamOperatorTestHarness<ClipPlan, RenderedClip> harness) {
        List<RenderedClip> out = new ArrayList<>();
        for (Object o : harness.getOutput()) {
            if (o instanceof StreamRecord<?> r) {
                out.add((RenderedClip) r.getValue());
            }
        }
        return out;
    }

    /** A render that holds its renderer until the test lets go, so its plan is in flight at the checkpoint. */
    private static ClipRenderer held(VideoSource video, ProfileSet profiles) {
        return plan -> {
            try {
                assertThat(release.await(20, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return rendered(plan);
        };
    }

    private static List<RenderedClip> run(AsyncFunction<ClipPlan, RenderedClip> render, ClipPlan... plans)
            throws Exception {
        try (OneInputStreamOperatorTestHarness<ClipPlan, RenderedClip> harness = harness(render)) {
            harness.open();
            for (ClipPlan plan : plans) {
                harness.processElement(new StreamRecord<>(plan));
            }
            harness.endInput();
            return outputs(harness);
        }
    }

    /** Records each rendition's frame as the renderer's profile set has it. */
    private static ClipRenderer sizes(VideoSource video, ProfileSet profiles) {
        return plan -> {
            for (String name : plan.getRenditions()) {
                VideoSpec v = profiles.rendition(name).video();
                CALLS.add(plan.getClipId() + " " + name + " " + v.width() + "x" + v.height());
            }
            return rendered(plan);
        };
    }

    private static ClipRenderer recording(VideoSource video, ProfileSet profiles) {
        return plan -> {
            CALLS.add(plan.getClipId() + " " + plan.getRenditions());
            return rendered(plan);
        };
    }

    private static ClipRenderer blockingRest(VideoSource video, ProfileSet profiles) {
        return plan -> {
            String call = plan.getClipId() + " " + plan.getRenditions();
            CALLS.add(call);
            if (call.equals("c-2 [whatsapp]")) {
                secondClipFirstPass.countDown();
            }
            if (call.equals("c-1 [youtube-landscape, instagram-reels]")) {
                try {
                    assertThat(secondClipFirstPass.await(20, TimeUnit.SECONDS)).isTrue();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
            CALLS.add(call + " done");
            return rendered(plan);
        };
    }

    private static RenderedClip rendered(ClipPlan plan) {
        List<Rendition> renditions = plan.getRenditions().stream()
                .map(name -> Rendition.newBuilder()
                        .setProfile(name)
                        .setPath("clips/" + plan.getClipId() + "/" + name + ".mp4")
                        .setWidth(2)
                        .setHeight(2)
                        .setFps(25)
                        .setDurationMs(1000)
                        .setBytes(1)
                        .setSha256("0")
                        .setStatus(RenditionStatus.ok)
                        .build())
                .toList();
        return RenderResults.clip(plan, renditions, List.of("rendered by the test"));
    }

    private static ClipPlan plan(String id, double score) {
        return plan(id, score, BUNDLED.start().version(), RENDITIONS);
    }

    private static ClipPlan plan(String id, double score, String version) {
        return plan(id, score, version, List.of("small-landscape", "small-vertical"));
    }

    private static ClipPlan plan(String id, double score, String version, List<String> renditions) {
        return ClipPlan.newBuilder()
                .setClipId(id)
                .setMatchId("m")
                .setKind(ClipKind.play)
                .setRank(1)
                .setScore(score)
                .setTitle("Goal")
                .setRule("test")
                .setProfileVersion(version)
                .setPlayIds(List.of("p-" + id))
                .setSourceStartMs(0L)
                .setSourceEndMs(1_000L)
                .setPeakMs(500L)
                .setSegments(List.of(new Segment(SegmentRole.body, 0L, 1_000L, 1.0)))
                .setRenditions(renditions)
                .setExplanation("GOAL 1.00")
                .build();
    }

    private static ProfileVersions bundled() {
        try {
            return ProfileVersions.fixed(ProfileLoader.loadBundled());
        } catch (ProfileException e) {
            throw new IllegalStateException(e);
        }
    }
}
