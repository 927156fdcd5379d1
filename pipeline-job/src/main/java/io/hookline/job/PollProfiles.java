package io.hookline.job;

import io.hookline.storage.StoreFactory;
import java.time.Clock;
import java.time.Duration;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;

/**
 * The live job's profile versions as a stream: one look at the store per interval, each giving the version just
 * taken, or an empty string when nothing new was taken (a generator gives a record at every tick). The planner
 * keeps the last version in its broadcast state.
 */
final class PollProfiles implements GeneratorFunction<Long, String> {
    static final String NOTHING_NEW = "";

    private final ProfileVersions versions;
    private final StoreFactory output;
    private transient ProfileWatch watch;

    private PollProfiles(ProfileVersions versions, StoreFactory output) {
        this.versions = versions;
        this.output = output;
    }

    /** A source that looks at the store every {@code interval}, for ever. */
    static DataGeneratorSource<String> source(ProfileVersions versions, StoreFactory output, Duration interval) {
        return new DataGeneratorSource<>(
                new PollProfiles(versions, output),
                Long.MAX_VALUE,
                RateLimiterStrategy.perSecond(1000.0 / interval.toMillis()),
                Types.STRING);
    }

    @Override
    public void open(SourceReaderContext context) {
        watch = new ProfileWatch(versions, versions.openStore(), output.create(), Clock.systemUTC());
    }

    @Override
    public String map(Long tick) {
        return watch.look().orElse(NOTHING_NEW);
    }
}
