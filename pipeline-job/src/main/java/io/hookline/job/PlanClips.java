package io.hookline.job;

import io.hookline.model.ClipPlan;
import io.hookline.model.PlanSummary;
import io.hookline.model.Play;
import io.hookline.planning.ClipPlanner;
import io.hookline.profiles.ProfileSet;
import io.hookline.scoring.MediaScorer;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Plans a match's clips once all its plays are in (ranking needs them all): at the end of the input, or when
 * the match's {@code MATCH_END} arrives (see {@link MatchEnd}). It emits them best first so the render queue
 * works on the most exciting clips first. A summary of the plan goes to a side output for the manifest.
 */
final class PlanClips extends KeyedProcessFunction<String, Play, ClipPlan> {
    static final OutputTag<PlanSummary> SUMMARY =
            new OutputTag<>("plan-summary", TypeInformation.of(PlanSummary.class));

    private final ProfileSet profiles;
    private final long videoDurationMs;
    private final MatchRetention retention;
    /** Matches cut from one video none of them names, whose clips carry a warning; null when there are none. */
    private final SharedVideo sharedVideo;

    private transient ClipPlanner planner;
    private transient MediaScorer media;
    private transient ListState<Play> plays;
    private transient LongCounter clipsPlanned;
    private transient LongCounter renditionsPlanned;

    PlanClips(ProfileSet profiles, long videoDurationMs, MatchRetention retention, SharedVideo sharedVideo) {
        this.profiles = profiles;
        this.videoDurationMs = videoDurationMs;
        this.retention = retention;
        this.sharedVideo = sharedVideo;
    }

    @Override
    public void open(OpenContext context) {
        planner = new ClipPlanner(profiles, videoDurationMs < 0 ? Long.MAX_VALUE : videoDurationMs);
        media = new MediaScorer(profiles.rules().media());
        plays = getRuntimeContext()
                .getListState(retention.apply(new ListStateDescriptor<>("plays", TypeInformation.of(Play.class))));
        clipsPlanned = getRuntimeContext().getLongCounter(Progress.CLIPS_PLANNED);
        renditionsPlanned = getRuntimeContext().getLongCounter(Progress.RENDITIONS_PLANNED);
    }

    @Override
    public void processElement(Play play, Context ctx, Collector<ClipPlan> out) throws Exception {
        if (MatchEnd.is(play)) {
            ctx.timerService().deleteEventTimeTimer(Long.MAX_VALUE);
            plan(ctx.getCurrentKey(), ctx, out);
            return;
        }
        plays.add(play);
        ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<ClipPlan> out) throws Exception {
        plan(ctx.getCurrentKey(), ctx, out);
    }

    private void plan(String matchId, Context ctx, Collector<ClipPlan> out) throws Exception {
        List<Play> all = new ArrayList<>();
        plays.get().forEach(all::add);
        plays.clear();
        List<ClipPlan> plan = planner.plan(matchId, media.score(all));
        int renditions = 0;
        for (ClipPlan clip : plan) {
            renditions += clip.getRenditions().size();
            if (sharedVideo != null && sharedVideo.concerns(matchId, clip.getVideo())) {
                List<String> notes = new ArrayList<>(clip.getNotes());
                notes.add("warning: " + sharedVideo.warning());
                clip.setNotes(notes);
            }
            out.collect(clip);
        }
        clipsPlanned.add(plan.size());
        renditionsPlanned.add(renditions);
        ctx.output(SUMMARY, new PlanSummary(matchId, profiles.version(), plan.size(), renditions));
    }
}
