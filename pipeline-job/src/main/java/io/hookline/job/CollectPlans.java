package io.hookline.job;

import io.hookline.model.ClipPlan;
import io.hookline.model.PlanBatch;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/** Gathers a match's clip plans, ranked, when the job plans without rendering. */
final class CollectPlans extends KeyedProcessFunction<String, ClipPlan, PlanBatch> {
    private transient ListState<ClipPlan> plans;

    @Override
    public void open(OpenContext context) {
        plans = getRuntimeContext()
                .getListState(new ListStateDescriptor<>("plans", TypeInformation.of(ClipPlan.class)));
    }

    @Override
    public void processElement(ClipPlan plan, Context ctx, Collector<PlanBatch> out) throws Exception {
        plans.add(plan);
        ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<PlanBatch> out) throws Exception {
        List<ClipPlan> all = new ArrayList<>();
        plans.get().forEach(all::add);
        all.sort(Comparator.comparingInt(ClipPlan::getRank));
        out.collect(new PlanBatch(ctx.getCurrentKey(), all));
        plans.clear();
    }
}
