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

/** Gathers a match's dead letters in feed order and releases them together at the end of the input. */
final class CollectDeadLetters extends KeyedProcessFunction<String, DeadLetter, DeadLetterBatch> {
    private transient ListState<DeadLetter> letters;

    @Override
    public void open(OpenContext context) {
        letters = getRuntimeContext().getListState(
                new ListStateDescriptor<>("letters", TypeInformation.of(DeadLetter.class)));
    }

    @Override
    public void processElement(DeadLetter letter, Context ctx, Collector<DeadLetterBatch> out) throws Exception {
        letters.add(letter);
        ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<DeadLetterBatch> out) throws Exception {
        List<DeadLetter> all = new ArrayList<>();
        letters.get().forEach(all::add);
        all.sort(Comparator.comparingLong(DeadLetter::getSequence).thenComparing(DeadLetter::getReason));
        out.collect(new DeadLetterBatch(ctx.getCurrentKey(), all));
        letters.clear();
    }
}
