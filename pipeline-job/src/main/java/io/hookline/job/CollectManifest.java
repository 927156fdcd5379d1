package io.hookline.job;

import io.hookline.model.ClipPlan;
import io.hookline.model.MatchManifest;
import io.hookline.model.PlanSummary;
import io.hookline.model.RenderedClip;
import io.hookline.planning.ClipPlanner;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Gathers a match's rendered clips into its manifest, ranked, best first.
 * <ul>
 *   <li>A finished match's manifest goes out once the plan's count is in; the end of the input also releases
 *       it, so a match whose plan never arrived still gets one.</li>
 *   <li>A live match's manifest goes out again each time a clip lands or is withdrawn, ranked among the clips
 *       so far; its ranks are final once the plan's summary (sent at {@code MATCH_END}) and all its clips are
 *       in. A withdrawn clip stays listed after the others, marked, with what replaces it.</li>
 * </ul>
 */
final class CollectManifest extends KeyedCoProcessFunction<String, PlanSummary, RenderedClip, MatchManifest> {
    private static final Comparator<RenderedClip> RANKING = Comparator.comparing(
            (RenderedClip c) -> ClipPlan.newBuilder()
                    .setClipId(c.getClipId())
                    .setKind(c.getKind())
                    .setScore(c.getScore())
                    .setPeakMs(c.getPeakMs()),
            ClipPlanner.RANKING);

    private final String profileVersion;
    private final MatchRetention retention;
    private final boolean live;
    private transient ValueState<PlanSummary> summary;
    private transient MapState<String, RenderedClip> clips;
    private transient MapState<String, RenderedClip> withdrawals;
    private transient ValueState<String> latestVersion;

    CollectManifest(String profileVersion, MatchRetention retention, boolean live) {
        this.profileVersion = profileVersion;
        this.retention = retention;
        this.live = live;
    }

    @Override
    public void open(OpenContext context) {
        summary = getRuntimeContext()
                .getState(
                        retention.apply(new ValueStateDescriptor<>("summary", TypeInformation.of(PlanSummary.class))));
        clips = getRuntimeContext()
                .getMapState(retention.apply(
                        new MapStateDescriptor<>("clips", Types.STRING, TypeInformation.of(RenderedClip.class))));
        withdrawals = getRuntimeContext()
                .getMapState(retention.apply(
                        new MapStateDescriptor<>("withdrawals", Types.STRING, TypeInformation.of(RenderedClip.class))));
        latestVersion = getRuntimeContext()
                .getState(retention.apply(new ValueStateDescriptor<>("latest-version", Types.STRING)));
    }

    @Override
    public void processElement1(PlanSummary plan, Context ctx, Collector<MatchManifest> out) throws Exception {
        summary.update(plan);
        changed(ctx, out);
    }

    @Override
    public void processElement2(RenderedClip clip, Context ctx, Collector<MatchManifest> out) throws Exception {
        if (clip.getProfileVersion() != null && !clip.getWithdrawn()) {
            latestVersion.update(clip.getProfileVersion());
        }
        if (clip.getWithdrawn()) {
            RenderedClip landed = clips.get(clip.getClipId());
            if (landed == null) {
                // Withdrawn while it was still rendering: marked when it lands.
                withdrawals.put(clip.getClipId(), clip);
            } else {
                clips.put(clip.getClipId(), withdrawn(landed, clip));
            }
        } else {
            RenderedClip withdrawal = withdrawals.get(clip.getClipId());
            clips.put(clip.getClipId(), withdrawal == null ? clip : withdrawn(clip, withdrawal));
            withdrawals.remove(clip.getClipId());
        }
        changed(ctx, out);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<MatchManifest> out) throws Exception {
        if (summary.value() != null || !clips.isEmpty()) {
            release(ctx.getCurrentKey(), true, out);
        }
    }

    private void changed(Context ctx, Collector<MatchManifest> out) throws Exception {
        PlanSummary plan = summary.value();
        boolean complete = plan != null && count() >= plan.getClips();
        if (complete) {
            // A live job never reaches the end of its input: a timer left behind would stay for good.
            ctx.timerService().deleteEventTimeTimer(Long.MAX_VALUE);
            release(ctx.getCurrentKey(), true, out);
        } else if (live) {
            release(ctx.getCurrentKey(), false, out);
        } else {
            ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
        }
    }

    private void release(String matchId, boolean last, Collector<MatchManifest> out) throws Exception {
        List<RenderedClip> ranked = new ArrayList<>();
        List<RenderedClip> withdrawn = new ArrayList<>();
        for (RenderedClip c : clips.values()) {
            (c.getWithdrawn() ? withdrawn : ranked).add(c);
        }
        if (live) {
            ranked.sort(RANKING);
            for (int i = 0; i < ranked.size(); i++) {
                ranked.set(
                        i, RenderedClip.newBuilder(ranked.get(i)).setRank(i + 1).build());
            }
            withdrawn.sort(RANKING);
        } else {
            ranked.sort(Comparator.comparingInt(RenderedClip::getRank));
        }
        ranked.addAll(withdrawn);
        PlanSummary plan = summary.value();
        out.collect(MatchManifest.newBuilder()
                .setMatchId(matchId)
                .setProfileVersion(version(plan))
                .setClips(ranked)
                .setRanksFinal(last)
                .setPlannedClips(plan == null ? null : plan.getClips())
                .setPlannedRenditions(plan == null ? null : plan.getRenditions())
                .build());
        if (last) {
            summary.clear();
            clips.clear();
            withdrawals.clear();
            latestVersion.clear();
        }
    }

    /**
     * The manifest's profile version: the job's, for a finished match; for a live one, which may take new versions
     * as it goes (each clip names its own), the version in force at its end, or else the latest clip's.
     */
    private String version(PlanSummary plan) throws Exception {
        if (!live) {
            return profileVersion;
        }
        if (plan != null) {
            return plan.getProfileVersion();
        }
        return latestVersion.value() == null ? profileVersion : latestVersion.value();
    }

    /** A landed clip marked withdrawn, with what replaces it. */
    private static RenderedClip withdrawn(RenderedClip landed, RenderedClip withdrawal) {
        List<String> notes = new ArrayList<>(landed.getNotes());
        notes.addAll(withdrawal.getNotes());
        return RenderedClip.newBuilder(landed)
                .setRank(0)
                .setWithdrawn(true)
                .setReplacedBy(withdrawal.getReplacedBy())
                .setNotes(notes)
                .build();
    }

    private int count() throws Exception {
        int n = 0;
        for (String ignored : clips.keys()) {
            n++;
        }
        return n;
    }
}
