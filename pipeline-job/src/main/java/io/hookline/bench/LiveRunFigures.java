package io.hookline.bench;

import io.hookline.demo.Percentiles;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * What one live run measured.
 *
 * @param playClips play clips in the final manifests
 * @param timed those whose every stage was seen (the others are listed in the report as missing)
 * @param measurement the whole run: wall time, CPU time of this process (job, broker, playouts and feeds alike),
 *     peak resident memory
 */
record LiveRunFigures(
        int run,
        int playClips,
        List<LiveClipTiming> timed,
        List<BacklogSampler.Sample> backlog,
        long backlogMax,
        Measurement measurement,
        double loadBefore,
        double loadAfter) {

    Percentiles delays(Function<LiveClipTiming, Instant> stage) {
        return Percentiles.of(timed.stream().map(c -> c.secondsTo(stage)).toList());
    }
}
