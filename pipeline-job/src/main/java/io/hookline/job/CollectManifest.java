package io.hookline.job;

import io.hookline.model.MatchManifest;
import io.hookline.model.PlanSummary;
import io.hookline.model.RenderedClip;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Gathers a match's rendered clips; once the plan's count is in, the manifest goes out (ranked, best
 * first). The end of the input also releases it, so a match whose plan never arrived still gets one.
 */
final class CollectManifest extends KeyedCoProcessFunction<String, PlanSummary, RenderedClip, MatchManifest> {
    private final String profileVersion;
    private final MatchRetention retention;
    private transient ValueState<PlanSummary> summary;
    private transient ListState<RenderedClip> clips;

    CollectManifest(String profileVersion, MatchRetention retention) {
        this.profileVersion = profileVersion;
        this.retention = retention;
    }

    @Override
    public void open(OpenContext context) {
        summary = getRuntimeContext().getState(
                retention.apply(new ValueStateDescriptor<>("summary", TypeInformation.of(PlanSummary.class))));
        clips = getRuntimeContext().getListState(
                retention.apply(new ListStateDescriptor<>("clips", TypeInformation.of(RenderedClip.class))));
    }

    @Override
    public void processElement1(PlanSummary plan, Context ctx, Collector<MatchManifest> out) throws Exception {
        summary.update(plan);
        ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
        releaseWhenComplete(ctx, out);
    }

    @Override
    public void processElement2(RenderedClip clip, Context ctx, Collector<MatchManifest> out) throws Exception {
        clips.add(clip);
        ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
        releaseWhenComplete(ctx, out);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<MatchManifest> out) throws Exception {
        if (summary.value() != null || clips.get().iterator().hasNext()) {
            release(ctx.getCurrentKey(), out);
        }
    }

    private void releaseWhenComplete(Context ctx, Collector<MatchManifest> out) throws Exception {
        PlanSummary plan = summary.value();
        if (plan != null && count() >= plan.getClips()) {
            // A live job never reaches the end of its input: a timer left behind would stay for good.
            ctx.timerService().deleteEventTimeTimer(Long.MAX_VALUE);
            release(ctx.getCurrentKey(), out);
        }
    }

    private void release(String matchId, Collector<MatchManifest> out) throws Exception {
        List<RenderedClip> ranked = new ArrayList<>();
        clips.get().forEach(ranked::add);
        ranked.sort(Comparator.comparingInt(RenderedClip::getRank));
        out.collect(new MatchManifest(matchId, profileVersion, ranked));
        summary.clear();
        clips.clear();
    }

    private int count() throws Exception {
        int n = 0;
        for (RenderedClip ignored : clips.get()) {
            n++;
        }
        return n;
    }
}
