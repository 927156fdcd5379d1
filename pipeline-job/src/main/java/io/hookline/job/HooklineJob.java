package io.hookline.job;

import io.hookline.ingest.FeedFileFormat;
import io.hookline.ingest.FeedReader;
import io.hookline.model.ClipPlan;
import io.hookline.model.DeadLetter;
import io.hookline.model.FeedRecord;
import io.hookline.model.MatchManifest;
import io.hookline.model.PlanSummary;
import io.hookline.model.Play;
import io.hookline.model.RenderedClip;
import io.hookline.model.ScoredEvent;
import io.hookline.model.SourcedEvent;
import io.hookline.profiles.ProfileSet;
import io.hookline.storage.StoreFactory;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The Hookline job: feed in, clips and manifests out. It takes its source, renderer and store from the
 * constructor, so tests can run it on other inputs; {@link JobSetup} wires the real ones.
 *
 * <pre>
 * read feed → validate events → score events → group plays → analyse media → plan clips → render clips
 *                  └──────────── dead letters ───────────┘          (async)                     (async)
 *                                                                      → collect manifest → write manifest
 * poll profile store (live) ─► profile versions, broadcast to plan clips
 * </pre>
 */
public final class HooklineJob {
    /** Plays a live analysis subtask measures at once: most of the time each waits for its video to grow. */
    static final int LIVE_ANALYSES = 4;

    private final Source<FeedRecord, ?, ?> feed;
    private final VideoSource video;
    private final RendererFactory renderers;
    private final StoreFactory stores;
    private final ProfileSet profiles;
    private ProfileVersions versions;
    private Duration profilePoll = Duration.ZERO;
    private final long videoDurationMs;
    private final int renderConcurrency;
    private final long renderTimeoutMinutes;
    private LiveSettings live;
    private MatchRetention retention = MatchRetention.FOR_THE_RUN;
    private Sink<RenderedClip> clipSink;
    private SharedVideo sharedVideo;

    /**
     * @param videoDurationMs the video's length, negative when it could not be read (events are then not
     *     range-checked, and every render reports the video's problem)
     * @param renderConcurrency clips each render subtask works on at once
     */
    public HooklineJob(
            Source<FeedRecord, ?, ?> feed,
            VideoSource video,
            RendererFactory renderers,
            StoreFactory stores,
            ProfileSet profiles,
            long videoDurationMs,
            int renderConcurrency,
            long renderTimeoutMinutes) {
        this.feed = feed;
        this.video = video;
        this.renderers = renderers;
        this.stores = stores;
        this.profiles = profiles;
        this.versions = ProfileVersions.fixed(profiles);
        this.videoDurationMs = videoDurationMs;
        this.renderConcurrency = renderConcurrency;
        this.renderTimeoutMinutes = renderTimeoutMinutes;
    }

    /**
     * Runs the job on a live feed (STREAMING), any number of matches at once, each on its own clock: a play's
     * clip is planned and rendered as soon as the play is over, the manifest is rewritten as clips land, dead
     * letters are written while the match goes on, and a match's state expires {@code matchRetention} after it
     * last changed.
     */
    HooklineJob live(Duration matchRetention, LiveSettings settings) {
        this.live = settings;
        this.retention = new MatchRetention(matchRetention);
        return this;
    }

    /**
     * Plans and renders with the versions of a profile store too: a live job looks at the store every
     * {@code poll} (never when zero) and plans its next clips with a new valid version.
     */
    HooklineJob profileVersions(ProfileVersions versions, Duration poll) {
        this.versions = versions;
        this.profilePoll = poll;
        return this;
    }

    /** Also sends every manifest entry to {@code sink} as soon as its clip is rendered. */
    public HooklineJob publishClipsTo(Sink<RenderedClip> sink) {
        this.clipSink = sink;
        return this;
    }

    /** Puts a warning on each clip of the matches that share the job's video (see {@link SharedVideo}). */
    HooklineJob sharedVideo(SharedVideo shared) {
        this.sharedVideo = shared;
        return this;
    }

    /** A bounded source reading one feed file. */
    public static Source<FeedRecord, ?, ?> fileFeed(String path) {
        Path p = new Path(path);
        return FileSource.forRecordStreamFormat(new FeedFileFormat(p.getName()), p)
                .build();
    }

    /** Adds the whole job to {@code env}: plans are rendered and each match gets its manifest. */
    public void build(StreamExecutionEnvironment env) {
        SingleOutputStreamOperator<ClipPlan> plans = plans(env);
        // A live job holds a queue of clips in front of its renderers, so the best of them can go first.
        int capacity = renderConcurrency + (live == null ? 0 : live.renderQueue());
        DataStream<RenderedClip> rendered = AsyncDataStream.unorderedWait(
                        plans.rebalance(),
                        new RenderClips(
                                renderers,
                                video,
                                versions,
                                live != null,
                                renderConcurrency,
                                live == null ? RenditionPasses.together() : RenditionPasses.cheapestFirst()),
                        renderTimeoutMinutes,
                        TimeUnit.MINUTES,
                        capacity)
                .name("render clips")
                .uid("render-clips")
                .process(new CountRendered())
                .name("count rendered")
                .uid("count-rendered");
        if (live != null) {
            rendered = rendered.union(plans.getSideOutput(PlanLiveClips.WITHDRAWN));
        }
        if (clipSink != null) {
            rendered.sinkTo(clipSink).name("publish clips").uid("publish-clips");
        }

        DataStream<PlanSummary> summaries = plans.getSideOutput(PlanClips.SUMMARY);
        DataStream<MatchManifest> manifests = summaries
                .keyBy(PlanSummary::getMatchId)
                .connect(rendered.keyBy(RenderedClip::getMatchId))
                .process(new CollectManifest(profiles.version(), retention, live != null))
                .name("collect manifest")
                .uid("collect-manifest");
        manifests
                .sinkTo(new MatchFileSink<>(stores, new MatchFiles.Manifest()))
                .name("write manifest")
                .uid("write-manifest");
    }

    /** Adds the job up to planning: each match's ranked plan is written as plan.json, nothing is rendered. */
    public void buildPlanOnly(StreamExecutionEnvironment env) {
        plans(env)
                .keyBy(ClipPlan::getMatchId)
                .process(new CollectPlans())
                .name("collect plans")
                .uid("collect-plans")
                .sinkTo(new MatchFileSink<>(stores, new MatchFiles.Plan()))
                .name("write plan")
                .uid("write-plan");
    }

    /**
     * Adds the job up to planning and returns the ranked clip plans, with the dead letters written on the side;
     * the benchmark collects them to render the same clips another way.
     */
    public SingleOutputStreamOperator<ClipPlan> plans(StreamExecutionEnvironment env) {
        SingleOutputStreamOperator<SourcedEvent> validated = env.fromSource(
                        feed, WatermarkStrategy.noWatermarks(), "read feed")
                .uid("read-feed")
                // A live match's video grows while the job runs: its length says nothing about the events.
                .process(new ValidateEvents(live == null ? videoDurationMs : -1))
                .name("validate events")
                .uid("validate-events");
        // A live feed may be timed by the wall clock: its events find their video time in the playlist's dates.
        SingleOutputStreamOperator<SourcedEvent> events = live == null
                ? validated
                : validated
                        .keyBy(e -> e.getEvent().getMatchId())
                        .process(new PlaceOnVideo(video, live.videoWait(), retention))
                        .name("place on video")
                        .uid("place-on-video");

        SingleOutputStreamOperator<ScoredEvent> scored = events
                // No watermarks: each live match runs on its own clock (see MatchTime), and a watermark would also
                // hold rendered clips back behind slower ones in the asynchronous render stage. A feed file is
                // released at the end of its input.
                .assignTimestampsAndWatermarks(WatermarkStrategy.<SourcedEvent>noWatermarks()
                        .withTimestampAssigner((e, previous) -> e.getEvent().getVideoTimeMs()))
                .name("event time")
                .uid("event-time")
                .keyBy(e -> e.getEvent().getMatchId())
                .process(new ScoreEvents(profiles.rules(), retention, live))
                .name("score events")
                .uid("score-events");

        SingleOutputStreamOperator<Play> plays = scored.keyBy(e -> e.getEvent().getMatchId())
                .process(new GroupPlays(profiles.rules().playGapMs(), retention, live))
                .name("group plays")
                .uid("group-plays");

        // A feed file's plays are measured in order. A live match's wait for their video to cover them, so several
        // are measured at once, and one match whose video stalls never holds back another; the planner puts each
        // match's plays back in order (see Play.sequence).
        AnalyzeMedia analysis = new AnalyzeMedia(
                video,
                profiles.rules(),
                videoDurationMs,
                live == null ? renderConcurrency : LIVE_ANALYSES,
                live == null ? Duration.ZERO : live.videoWait());
        DataStream<Play> measured = (live == null
                        ? AsyncDataStream.orderedWait(
                                plays, analysis, renderTimeoutMinutes, TimeUnit.MINUTES, renderConcurrency)
                        : AsyncDataStream.unorderedWait(
                                plays, analysis, renderTimeoutMinutes, TimeUnit.MINUTES, live.renderQueue()))
                .name("analyse media")
                .uid("analyse-media");

        KeyedStream<Play, String> byMatch = measured.keyBy(Play::getMatchId);
        SingleOutputStreamOperator<ClipPlan> plans = (live == null
                        ? byMatch.process(new PlanClips(profiles, videoDurationMs, retention, sharedVideo))
                        : byMatch.connect(profileVersions(env).broadcast(PlanLiveClips.PROFILE_VERSION))
                                .process(new PlanLiveClips(versions, retention)))
                .name("plan clips")
                .uid("plan-clips");

        DataStream<DeadLetter> deadLetters =
                validated.getSideOutput(DeadLetters.TAG).union(scored.getSideOutput(DeadLetters.TAG));
        if (events != validated) {
            deadLetters = deadLetters.union(events.getSideOutput(DeadLetters.TAG));
        }
        deadLetters
                .keyBy(d -> d.getMatchId() == null ? FeedReader.UNKNOWN_MATCH : d.getMatchId())
                .process(new CollectDeadLetters(live != null))
                .name("collect dead letters")
                .uid("collect-dead-letters")
                .sinkTo(new MatchFileSink<>(stores, new MatchFiles.DeadLetters()))
                .name("write dead letters")
                .uid("write-dead-letters");
        return plans;
    }

    /**
     * The profile versions a live job takes as it runs: a store's, looked at every poll interval, or none (a
     * single record that changes nothing) when the job has one set for good.
     */
    private DataStream<String> profileVersions(StreamExecutionEnvironment env) {
        Source<String, ?, ?> source = versions.store() != null && !profilePoll.isZero()
                ? PollProfiles.source(versions, stores, profilePoll)
                : new DataGeneratorSource<>(tick -> PollProfiles.NOTHING_NEW, 1, Types.STRING);
        return env.fromSource(source, WatermarkStrategy.noWatermarks(), "profile versions")
                .uid("profile-versions")
                .setParallelism(1);
    }

    /**
     * Runs one match on whatever cluster the environment points at, e.g.
     * {@code flink run hookline-job.jar --events s3://b/m/events.avro --video s3://b/m/match.mp4 --out /clips}.
     */
    public static void main(String[] args) throws Exception {
        JobSetup setup = JobSetup.prepare(JobOptions.fromArgs(args));
        if (setup.videoProblem() != null) {
            System.err.println("warning: " + setup.videoProblem() + "; every clip will be marked failed");
        }
        if (setup.sharedVideoWarning() != null) {
            System.err.println("warning: " + setup.sharedVideoWarning());
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(setup.flinkConfig());
        setup.job().build(env);
        env.execute("hookline");
    }
}
