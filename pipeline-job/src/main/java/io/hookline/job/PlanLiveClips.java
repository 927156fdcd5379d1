package io.hookline.job;

import io.hookline.model.ClipKind;
import io.hookline.model.ClipPlan;
import io.hookline.model.PlanSummary;
import io.hookline.model.Play;
import io.hookline.model.RenderedClip;
import io.hookline.model.ScoredEvent;
import io.hookline.planning.ClipPlanner;
import io.hookline.planning.MatchFacts;
import io.hookline.planning.PlayWindow;
import io.hookline.profiles.CompilationRules;
import io.hookline.profiles.CompilationRules.Kind;
import io.hookline.profiles.ProfileSet;
import io.hookline.scoring.MediaScorer;
import io.hookline.vocabulary.EventType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plans a live match's clips as its plays come in, without waiting for later plays:
 * <ul>
 *   <li>a play's clip at once, its score final (the crowd is judged against the match's plays so far), its
 *       rank that among the clips so far;</li>
 *   <li>the best of a period when the period ends; the top plays, the players' and the teams' reels, and the
 *       best of any period still open, at {@code MATCH_END};</li>
 *   <li>a play made again after a correction gets a new clip, and the clips that showed the old play (its
 *       own, and any period compilation already out) are withdrawn, each naming what replaces it.</li>
 * </ul>
 * The plan's summary goes out at {@code MATCH_END}, when the manifest's ranks become final.
 *
 * <p>The profile versions the job takes come in on the broadcast side; the last one is kept in broadcast state
 * (so a restore keeps it), and each play is planned whole with the version in force when it is taken, so a
 * new version starts at a clip boundary. Every plan names its version.
 */
final class PlanLiveClips extends KeyedBroadcastProcessFunction<String, Play, String, ClipPlan> {
    private static final Logger LOG = LoggerFactory.getLogger(PlanLiveClips.class);
    static final OutputTag<RenderedClip> WITHDRAWN =
            new OutputTag<>("withdrawn", TypeInformation.of(RenderedClip.class));
    /** The profile version new clips are planned with; unset until the job takes one after its start. */
    static final MapStateDescriptor<String, String> PROFILE_VERSION =
            new MapStateDescriptor<>("profile-version", Types.STRING, Types.STRING);

    private static final String IN_FORCE = "in-force";

    private final ProfileVersions versions;
    private final MatchRetention retention;
    private transient ProfileSet profiles;
    private transient ClipPlanner growing;
    private transient MediaScorer media;
    private transient MapState<String, Play> plays;
    private transient MapState<String, ClipPlan> clips;
    private transient MapState<String, String> compiled;
    private transient ValueState<Integer> planned;
    private transient ValueState<Integer> expected;
    private transient ValueState<Long> soFarAt;
    private transient MapState<Integer, Play> early;
    private transient LongCounter clipsPlanned;
    private transient LongCounter renditionsPlanned;

    PlanLiveClips(ProfileVersions versions, MatchRetention retention) {
        this.versions = versions;
        this.retention = retention;
    }

    @Override
    public void open(OpenContext context) {
        use(versions.start());
        plays = getRuntimeContext()
                .getMapState(retention.apply(
                        new MapStateDescriptor<>("plays", Types.STRING, TypeInformation.of(Play.class))));
        // Each live clip without its per-frame data: what ranking, withdrawing and compiling need.
        clips = getRuntimeContext()
                .getMapState(retention.apply(
                        new MapStateDescriptor<>("clips", Types.STRING, TypeInformation.of(ClipPlan.class))));
        compiled = getRuntimeContext()
                .getMapState(retention.apply(new MapStateDescriptor<>("compiled", Types.STRING, Types.STRING)));
        planned = getRuntimeContext().getState(retention.apply(new ValueStateDescriptor<>("planned", Types.INT)));
        expected = getRuntimeContext().getState(retention.apply(new ValueStateDescriptor<>("expected", Types.INT)));
        soFarAt = getRuntimeContext().getState(retention.apply(new ValueStateDescriptor<>("so-far-at", Types.LONG)));
        early = getRuntimeContext()
                .getMapState(
                        retention.apply(new MapStateDescriptor<>("early", Types.INT, TypeInformation.of(Play.class))));
        clipsPlanned = getRuntimeContext().getLongCounter(Progress.CLIPS_PLANNED);
        renditionsPlanned = getRuntimeContext().getLongCounter(Progress.RENDITIONS_PLANNED);
    }

    @Override
    public void processBroadcastElement(String version, Context ctx, Collector<ClipPlan> out) throws Exception {
        if (version.equals(PollProfiles.NOTHING_NEW)) {
            return;
        }
        String was = ctx.getBroadcastState(PROFILE_VERSION).get(IN_FORCE);
        if (!version.equals(was)) {
            LOG.info(
                    "planning with profile version {} from the next play on (was {})",
                    version,
                    was == null ? versions.start().version() : was);
            ctx.getBroadcastState(PROFILE_VERSION).put(IN_FORCE, version);
        }
    }

    @Override
    public void processElement(Play play, ReadOnlyContext ctx, Collector<ClipPlan> out) throws Exception {
        ReadOnlyBroadcastState<String, String> inForce = ctx.getBroadcastState(PROFILE_VERSION);
        String version = inForce.get(IN_FORCE);
        use(version == null ? versions.start() : versions.resolve(version));
        if (play.getSequence() == 0) {
            take(play, ctx, out);
            return;
        }
        // Media analysis hands plays over as it finishes them; a match's plays are taken in the order they closed.
        int next = expected.value() == null ? 1 : expected.value();
        if (play.getSequence() != next) {
            early.put(play.getSequence(), play);
            return;
        }
        for (Play p = play; p != null; p = early.get(next)) {
            early.remove(next);
            expected.update(++next);
            take(p, ctx, out);
        }
    }

    /** The set this play is planned with; the planners are made again only when the version changes. */
    private void use(ProfileSet set) {
        if (profiles != null && profiles.version().equals(set.version())) {
            return;
        }
        profiles = set;
        growing = new ClipPlanner(set, Long.MAX_VALUE);
        media = new MediaScorer(set.rules().media());
    }

    private void take(Play play, ReadOnlyContext ctx, Collector<ClipPlan> out) throws Exception {
        String matchId = ctx.getCurrentKey();
        if (MatchEnd.is(play)) {
            finish(matchId, ctx, out);
            return;
        }
        Optional<ClipPlan> clip = Optional.empty();
        if (!play.getEvents().isEmpty()) {
            List<Play> sofar = sofar();
            sofar.add(play);
            Play scored = media.score(play, sofar);
            plays.put(scored.getPlayId(), scored);
            Optional<ClipPlan.Builder> planned = planner(scored).playClip(matchId, scored, facts());
            if (planned.isPresent()) {
                clip = Optional.of(emit(planned.get(), out));
            }
        }
        if (play.getReplaces() != null) {
            replaced(matchId, play.getReplaces(), clip.map(ClipPlan::getClipId).orElse(null), ctx, out);
        }
        Integer periodEnded = periodEnded(play);
        if (periodEnded != null) {
            compilePeriod(matchId, periodEnded, out);
        }
        if (!play.getEvents().isEmpty()) {
            rollSoFar(matchId, play.getStartMs(), out);
        }
    }

    /**
     * The rolling compilation, when the rules ask for one: each time the match passes another interval, its
     * best plays before that moment.
     */
    private void rollSoFar(String matchId, long nowMs, Collector<ClipPlan> out) throws Exception {
        Optional<CompilationRules.Compilation> rule =
                profiles.rules().compilations().soFar();
        if (rule.isEmpty()) {
            return;
        }
        long every = rule.get().everyMs();
        long due = nowMs / every * every;
        long done = soFarAt.value() == null ? 0 : soFarAt.value();
        if (due <= done) {
            return;
        }
        soFarAt.update(due);
        List<Play> before = new ArrayList<>();
        for (Play p : clipped()) {
            if (p.getEndMs() < due) {
                before.add(p);
            }
        }
        if (!before.isEmpty()) {
            Optional<ClipPlan.Builder> reel = planner(before).soFar(matchId, before, due / 60_000, facts());
            if (reel.isPresent()) {
                emit(reel.get(), out);
            }
        }
    }

    /** The old play's clip and the compilations that showed it are withdrawn; the compilations are made again. */
    private void replaced(String matchId, String oldPlay, String newClip, ReadOnlyContext ctx, Collector<ClipPlan> out)
            throws Exception {
        plays.remove(oldPlay);
        for (ClipPlan old : liveClips()) {
            if (old.getKind() == ClipKind.play && old.getPlayIds().equals(List.of(oldPlay))) {
                withdraw(old, newClip, "a correction replaced play " + oldPlay, ctx);
            }
        }
        for (Map.Entry<String, String> c : compiledEntries()) {
            ClipPlan old = clips.get(c.getValue());
            if (old == null || !old.getPlayIds().contains(oldPlay)) {
                continue;
            }
            compiled.remove(c.getKey());
            Optional<ClipPlan> again = compilePeriod(matchId, Integer.parseInt(c.getKey()), out);
            withdraw(old, again.map(ClipPlan::getClipId).orElse(null), "a correction replaced play " + oldPlay, ctx);
        }
    }

    /** The best of {@code period}, from its plays so far, unless it is out already. */
    private Optional<ClipPlan> compilePeriod(String matchId, int period, Collector<ClipPlan> out) throws Exception {
        String key = Integer.toString(period);
        if (compiled.contains(key)) {
            return Optional.empty();
        }
        List<Play> inPeriod = new ArrayList<>();
        for (Play p : clipped()) {
            if (PlayWindow.peak(p).getEvent().getPeriod() == period) {
                inPeriod.add(p);
            }
        }
        for (ClipPlan.Builder c : planner(inPeriod).compilations(matchId, inPeriod, EnumSet.of(Kind.PERIOD), facts())) {
            ClipPlan plan = emit(c, out);
            compiled.put(key, plan.getClipId());
            return Optional.of(plan);
        }
        return Optional.empty();
    }

    private void finish(String matchId, ReadOnlyContext ctx, Collector<ClipPlan> out) throws Exception {
        List<Play> clipped = clipped();
        Set<Integer> periods = new TreeSet<>();
        clipped.forEach(p -> periods.add(PlayWindow.peak(p).getEvent().getPeriod()));
        for (int period : periods) {
            compilePeriod(matchId, period, out);
        }
        for (ClipPlan.Builder c : planner(clipped)
                .compilations(matchId, clipped, EnumSet.of(Kind.TOP, Kind.PLAYER, Kind.TEAM), facts())) {
            emit(c, out);
        }
        int count = planned.value() == null ? 0 : planned.value();
        ctx.output(
                PlanClips.SUMMARY,
                new PlanSummary(
                        matchId,
                        profiles.version(),
                        count,
                        count * profiles.renditionNames().size()));
        plays.clear();
        clips.clear();
        compiled.clear();
        planned.clear();
        expected.clear();
        early.clear();
        soFarAt.clear();
    }

    /** Ranks a new clip among the match's clips so far, sends it to be rendered and remembers it. */
    private ClipPlan emit(ClipPlan.Builder clip, Collector<ClipPlan> out) throws Exception {
        int rank = 1;
        for (ClipPlan other : liveClips()) {
            if (ClipPlanner.RANKING.compare(ClipPlan.newBuilder(other), clip) < 0) {
                rank++;
            }
        }
        ClipPlan plan = clip.setRank(rank).build();
        LOG.info("planned clip {} of match {}: {}", plan.getClipId(), plan.getMatchId(), plan.getTitle());
        out.collect(plan);
        clips.put(
                plan.getClipId(),
                ClipPlan.newBuilder(plan)
                        .setMedia(List.of())
                        .setScoreboard(List.of())
                        .build());
        planned.update((planned.value() == null ? 0 : planned.value()) + 1);
        clipsPlanned.add(1);
        renditionsPlanned.add(plan.getRenditions().size());
        return plan;
    }

    private void withdraw(ClipPlan old, String replacedBy, String why, ReadOnlyContext ctx) throws Exception {
        clips.remove(old.getClipId());
        ctx.output(
                WITHDRAWN,
                RenderedClip.newBuilder()
                        .setClipId(old.getClipId())
                        .setMatchId(old.getMatchId())
                        .setKind(old.getKind())
                        .setRank(0)
                        .setScore(old.getScore())
                        .setTitle(old.getTitle())
                        .setSourceStartMs(old.getSourceStartMs())
                        .setSourceEndMs(old.getSourceEndMs())
                        .setPeakMs(old.getPeakMs())
                        .setExplanation(old.getExplanation())
                        .setSegments(old.getSegments())
                        .setRenditions(List.of())
                        .setNotes(List.of("withdrawn: " + why))
                        .setWithdrawn(true)
                        .setReplacedBy(replacedBy)
                        .setProfileVersion(old.getProfileVersion())
                        .build());
    }

    /**
     * The planner for a play: windows stop at the end of a finished video, as a finished match's do; a growing
     * video is waited for when the clip is rendered.
     */
    private ClipPlanner planner(Play play) {
        Long duration = play.getVideoDurationMs();
        return duration == null ? growing : new ClipPlanner(profiles, duration);
    }

    private ClipPlanner planner(List<Play> plays) {
        return plays.isEmpty() ? growing : planner(plays.get(0));
    }

    /** The period a play's events end, when one of them is its {@code PERIOD_END}. */
    private static Integer periodEnded(Play play) {
        for (ScoredEvent e : play.getEvents()) {
            if (EventType.PERIOD_END.name().equals(e.getEvent().getType())) {
                return e.getEvent().getPeriod();
            }
        }
        return null;
    }

    private List<Play> sofar() throws Exception {
        List<Play> all = new ArrayList<>();
        plays.values().forEach(all::add);
        return all;
    }

    /** The plays so far that have clips of their own, in time order. */
    private List<Play> clipped() throws Exception {
        List<Play> clipped = new ArrayList<>();
        for (Play p : sofar()) {
            if (PlayWindow.rule(p, profiles.rules()).clip()) {
                clipped.add(p);
            }
        }
        clipped.sort(Comparator.comparingLong(Play::getStartMs));
        return clipped;
    }

    private MatchFacts facts() throws Exception {
        List<Play> all = sofar();
        all.sort(Comparator.comparingLong(Play::getStartMs));
        return MatchFacts.of(all);
    }

    private List<ClipPlan> liveClips() throws Exception {
        List<ClipPlan> all = new ArrayList<>();
        clips.values().forEach(all::add);
        return all;
    }

    private List<Map.Entry<String, String>> compiledEntries() throws Exception {
        List<Map.Entry<String, String>> all = new ArrayList<>();
        compiled.entries().forEach(e -> all.add(Map.entry(e.getKey(), e.getValue())));
        return all;
    }
}
