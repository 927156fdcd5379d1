package io.hookline.job;

import io.hookline.ingest.EventValidator;
import io.hookline.ingest.MatchEventJson;
import io.hookline.model.FeedRecord;
import io.hookline.model.MatchEvent;
import io.hookline.model.SourcedEvent;
import java.util.Optional;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/** Checks each feed record on its own; what cannot be used goes to the dead letters with the reason. */
final class ValidateEvents extends ProcessFunction<FeedRecord, SourcedEvent> {
    private final long videoDurationMs;
    private transient EventValidator validator;
    private transient LongCounter read;
    private transient LongCounter rejected;

    /** @param videoDurationMs the video's length, negative when unknown */
    ValidateEvents(long videoDurationMs) {
        this.videoDurationMs = videoDurationMs;
    }

    @Override
    public void open(OpenContext context) {
        validator = new EventValidator(videoDurationMs);
        read = getRuntimeContext().getLongCounter(Progress.EVENTS_READ);
        rejected = getRuntimeContext().getLongCounter(Progress.EVENTS_REJECTED);
    }

    @Override
    public void processElement(FeedRecord record, Context ctx, Collector<SourcedEvent> out) {
        read.add(1);
        MatchEvent event = record.getEvent();
        Optional<String> problem = event == null ? Optional.of(record.getError()) : validator.problem(event);
        if (problem.isPresent()) {
            rejected.add(1);
            String raw = record.getRaw() != null ? record.getRaw() : event == null ? null : MatchEventJson.write(event);
            ctx.output(
                    DeadLetters.TAG,
                    DeadLetters.of(record.getMatchId(), record.getOrigin(), record.getSequence(), problem.get(), raw));
            return;
        }
        out.collect(new SourcedEvent(event, record.getOrigin(), record.getSequence()));
    }
}
