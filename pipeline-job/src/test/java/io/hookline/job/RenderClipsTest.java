package io.hookline.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.model.ClipPlan;
import io.hookline.model.RenderedClip;
import io.hookline.model.Rendition;
import io.hookline.model.RenditionStatus;
import io.hookline.model.Segment;
import io.hookline.model.SegmentRole;
import io.hookline.profiles.ProfileLoader;
import io.hookline.model.ClipKind;
import io.hookline.render.ClipRenderer;
import io.hookline.render.RenderResults;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.flink.streaming.api.datastream.AsyncDataStream.OutputMode;
import org.apache.flink.streaming.api.functions.async.AsyncFunction;
import org.apache.flink.streaming.api.operators.async.AsyncWaitOperatorFactory;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The render stage's passes: a live clip's cheapest rendition first, on a renderer no other clip's rest holds. */
class RenderClipsTest {
    private static final List<String> RENDITIONS = List.of("youtube-landscape", "instagram-reels", "whatsapp");
    /** What the renderer was asked for, in order: clip id and renditions. */
    private static final List<String> CALLS = Collections.synchronizedList(new ArrayList<>());
    private static CountDownLatch secondClipFirstPass;

    @BeforeEach
    void reset() {
        CALLS.clear();
        secondClipFirstPass = new CountDownLatch(1);
    }

    @Test
    void aLiveClipsCheapestRenditionIsRenderedAloneFirstAndTheClipJoinsBothPasses() throws Exception {
        RenderClips render = new RenderClips(RenderClipsTest::recording, new VideoSource(null, null, true), 1,
                RenditionPasses.cheapestFirst(ProfileLoader.loadBundled()));
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
        RenderClips render = new RenderClips(RenderClipsTest::blockingRest, new VideoSource(null, null, true), 1,
                RenditionPasses.cheapestFirst(ProfileLoader.loadBundled()));
        List<RenderedClip> out = run(render, plan("c-1", 1.0), plan("c-2", 0.5));

        assertThat(out).hasSize(2);
        assertThat(CALLS.indexOf("c-2 [whatsapp]")).isLessThan(CALLS.indexOf("c-1 [youtube-landscape, instagram-reels] done"));
    }

    @Test
    void aBatchClipIsRenderedInOnePass() throws Exception {
        RenderClips render = new RenderClips(RenderClipsTest::recording, new VideoSource(null, null, false), 1,
                RenditionPasses.together());
        List<RenderedClip> out = run(render, plan("c-1", 1.0));

        assertThat(CALLS).containsExactly("c-1 [youtube-landscape, instagram-reels, whatsapp]");
        assertThat(out).singleElement().extracting(c -> c.getRenditions().size()).isEqualTo(3);
    }

    private static List<RenderedClip> run(AsyncFunction<ClipPlan, RenderedClip> render, ClipPlan... plans)
            throws Exception {
        try (OneInputStreamOperatorTestHarness<ClipPlan, RenderedClip> harness = new OneInputStreamOperatorTestHarness<>(
                new AsyncWaitOperatorFactory<>(render, 60_000, 10, OutputMode.UNORDERED),
                Harnesses.avro(ClipPlan.class))) {
            harness.open();
            for (ClipPlan plan : plans) {
                harness.processElement(new StreamRecord<>(plan));
            }
            harness.endInput();
            List<RenderedClip> out = new ArrayList<>();
            for (Object o : harness.getOutput()) {
                if (o instanceof StreamRecord<?> r) {
                    out.add((RenderedClip) r.getValue());
                }
            }
            return out;
        }
    }

    private static ClipRenderer recording(VideoSource video) {
        return plan -> {
            CALLS.add(plan.getClipId() + " " + plan.getRenditions());
            return rendered(plan);
        };
    }

    private static ClipRenderer blockingRest(VideoSource video) {
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
        List<Rendition> renditions = plan.getRenditions().stream().map(name -> Rendition.newBuilder()
                .setProfile(name).setPath("clips/" + plan.getClipId() + "/" + name + ".mp4").setWidth(2).setHeight(2)
                .setFps(25).setDurationMs(1000).setBytes(1).setSha256("0").setStatus(RenditionStatus.ok).build())
                .toList();
        return RenderResults.clip(plan, renditions, List.of("rendered by the test"));
    }

    private static ClipPlan plan(String id, double score) {
        return ClipPlan.newBuilder().setClipId(id).setMatchId("m").setKind(ClipKind.play).setRank(1).setScore(score)
                .setTitle("Goal").setRule("test").setProfileVersion("test").setPlayIds(List.of("p-" + id))
                .setSourceStartMs(0L).setSourceEndMs(1_000L).setPeakMs(500L)
                .setSegments(List.of(new Segment(SegmentRole.body, 0L, 1_000L, 1.0))).setRenditions(RENDITIONS)
                .setExplanation("GOAL 1.00").build();
    }
}
