package io.hookline.job;

import io.hookline.model.DeadLetter;
import io.hookline.model.DeadLetterBatch;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Gathers a match's dead letters in feed order and releases them together at the end of the input. A live
 * feed has no end: there the letters so far are released again whenever new ones came in, at most once a
 * second, so dead-letters.jsonl stays current while the job runs.
 */
final class CollectDeadLetters extends KeyedProcessFunction<String, DeadLetter, DeadLetterBatch> {
    private static final long LIVE_RELEASE_MS = 1_000;

    private final boolean live;
    private transient ListState<DeadLetter> letters;

    CollectDeadLetters(boolean live) {
        this.live = live;
    }

    @Override
    public void open(OpenContext context) {
        letters = getRuntimeContext()
                .getListState(new ListStateDescriptor<>("letters", TypeInformation.of(DeadLetter.class)));
    }

    @Override
    public void processElement(DeadLetter letter, Context ctx, Collector<DeadLetterBatch> out) throws Exception {
        letters.add(letter);
        if (live) {
            // Timers on the same instant are one timer: letters within a second share one release.
            long now = ctx.timerService().currentProcessingTime();
            ctx.timerService().registerProcessingTimeTimer(now - now % LIVE_RELEASE_MS + LIVE_RELEASE_MS);
        } else {
            ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<DeadLetterBatch> out) throws Exception {
        List<DeadLetter> all = new ArrayList<>();
        letters.get().forEach(all::add);
        all.sort(Comparator.comparingLong(DeadLetter::getSequence).thenComparing(DeadLetter::getReason));
        out.collect(new DeadLetterBatch(ctx.getCurrentKey(), all));
        if (!live) {
            letters.clear();
        }
    }
}
