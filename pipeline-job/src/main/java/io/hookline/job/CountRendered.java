package io.hookline.job;

import io.hookline.model.RenderedClip;
import io.hookline.model.Rendition;
import io.hookline.model.RenditionStatus;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Counts clips as renders finish, for progress. It is chained right behind the render operator (async
 * functions cannot keep accumulators), so the count moves while the match renders.
 */
final class CountRendered extends ProcessFunction<RenderedClip, RenderedClip> {
    private transient LongCounter clips;
    private transient LongCounter ok;
    private transient LongCounter failed;

    @Override
    public void open(OpenContext context) {
        clips = getRuntimeContext().getLongCounter(Progress.CLIPS_RENDERED);
        ok = getRuntimeContext().getLongCounter(Progress.RENDITIONS_OK);
        failed = getRuntimeContext().getLongCounter(Progress.RENDITIONS_FAILED);
    }

    @Override
    public void processElement(RenderedClip clip, Context ctx, Collector<RenderedClip> out) {
        clips.add(1);
        for (Rendition r : clip.getRenditions()) {
            (r.getStatus() == RenditionStatus.ok ? ok : failed).add(1);
        }
        out.collect(clip);
    }
}
