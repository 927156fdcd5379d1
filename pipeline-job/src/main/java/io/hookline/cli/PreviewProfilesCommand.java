package io.hookline.cli;

import io.hookline.job.JobOptions;
import io.hookline.job.MatchPlans;
import io.hookline.model.ClipKind;
import io.hookline.model.ClipPlan;
import io.hookline.model.RenderedClip;
import io.hookline.model.Rendition;
import io.hookline.model.RenditionStatus;
import io.hookline.model.Segment;
import io.hookline.model.SegmentRole;
import io.hookline.profiles.GraphicsTemplate;
import io.hookline.profiles.Problem;
import io.hookline.profiles.ProfileException;
import io.hookline.profiles.ProfileSet;
import io.hookline.render.ClipKeys;
import io.hookline.render.FfmpegClipRenderer;
import io.hookline.render.RenderSettings;
import io.hookline.render.RenditionStills;
import io.hookline.render.SegmentCache;
import io.hookline.sample.SampleMatch;
import io.hookline.storage.LocalClipStore;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.flink.configuration.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./hookline profiles preview}: one clip rendered in every rendition, with stills to look at, so an
 * editor sees what a profile change does (frame, reframing, graphics) without running a whole match.
 */
@Command(
        name = "preview",
        mixinStandardHelpOptions = true,
        description = {
            "Renders one play clip of a match in every rendition (or those named) at full quality and saves"
                    + " two stills of each: the first frame of its hook, and a frame of the play one second after the hook,"
                    + " when its lower third is up.",
            "Without --events and --video it uses the sample match, generated under OUT/sample the first time."
        })
final class PreviewProfilesCommand implements Callable<Integer> {
    private static final long PLAY_STILL_AFTER_HOOK_MS = 1000;

    @Option(
            names = "--profiles",
            paramLabel = "DIR",
            description =
                    "The clip-profiles directory (default: this checkout's clip-profiles/, else the set built into Hookline).")
    Path dir;

    @Option(names = "--events", paramLabel = "FEED", description = "The match's events (Avro or JSON Lines).")
    Path events;

    @Option(names = "--video", paramLabel = "VIDEO", description = "The match's video.")
    Path video;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            defaultValue = "hookline-out/preview",
            description = "Where the clip and the stills go (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(
            names = "--clip",
            paramLabel = "N",
            defaultValue = "1",
            description = "Which play clip: 1 is the match's best (default: ${DEFAULT-VALUE}).")
    int clip;

    @Option(
            names = "--renditions",
            split = ",",
            paramLabel = "NAME",
            description = "Only these renditions (default: every profile).")
    List<String> renditions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter console = spec.commandLine().getOut();
        if ((events == null) != (video == null)) {
            err.println("error: give both --events and --video, or neither for the sample match");
            return ExitCodes.USAGE;
        }
        ProfileSource source = ProfileSource.of(dir);
        ProfileSet profiles;
        try {
            profiles = source.load();
            if (renditions != null) {
                profiles = profiles.only(renditions);
            }
        } catch (ProfileException e) {
            err.println("error: the clip profiles in " + source.describe() + " have problems; fix them first:");
            for (Problem problem : e.problems()) {
                err.println(source.format(problem));
            }
            return ExitCodes.USAGE;
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        Path root = out.toAbsolutePath();
        if (events == null) {
            Path sample = root.resolve("sample");
            if (!Files.exists(sample.resolve(SampleMatch.VIDEO_FILE))
                    || !Files.exists(sample.resolve(SampleMatch.AVRO_FILE))) {
                console.println("Generating the sample match in " + sample + " ...");
                console.flush();
                SampleMatch.write(sample);
            }
            events = sample.resolve(SampleMatch.AVRO_FILE);
            video = sample.resolve(SampleMatch.VIDEO_FILE);
        }
        console.println("Planning " + events + " ...");
        console.flush();
        Configuration conf = new Configuration();
        conf.set(JobOptions.EVENTS, events.toAbsolutePath().toString());
        conf.set(JobOptions.VIDEO, video.toAbsolutePath().toString());
        conf.set(JobOptions.OUT, root.resolve("plan").toString());
        if (source.dir() != null) {
            conf.set(JobOptions.PROFILES, source.dir().toAbsolutePath().toString());
        }
        List<ClipPlan> plays = MatchPlans.plan(conf).stream()
                .filter(p -> p.getKind() == ClipKind.play)
                .toList();
        if (clip < 1 || clip > plays.size()) {
            err.println("error: --clip must be from 1 to " + plays.size() + " (the match's play clips)");
            return ExitCodes.USAGE;
        }
        ClipPlan plan = ClipPlan.newBuilder(plays.get(clip - 1))
                .setRenditions(profiles.renditionNames())
                .build();
        console.println("Rendering \"" + plan.getTitle() + "\" in "
                + plan.getRenditions().size() + " renditions ...");
        console.flush();
        RenderedClip rendered = new FfmpegClipRenderer(
                        profiles,
                        video.toAbsolutePath().toString(),
                        new LocalClipStore(root),
                        RenderSettings.defaults(),
                        SegmentCache.NONE)
                .render(plan);
        Path stills = Files.createDirectories(root.resolve("stills"));
        Path clipDir = root.resolve(ClipKeys.safeMatchDir(plan.getMatchId()));
        long hookMs = hookMs(plan);
        int failed = 0;
        for (Rendition r : rendered.getRenditions()) {
            if (r.getStatus() != RenditionStatus.ok) {
                console.printf("%-22s failed: %s%n", r.getProfile(), r.getError());
                failed++;
                continue;
            }
            Path file = clipDir.resolve(r.getPath());
            Path hook = stills.resolve(r.getProfile() + "-hook.png");
            Path play = stills.resolve(r.getProfile() + "-play.png");
            long introMs = introMs(profiles, r.getProfile());
            RenditionStills.write(file, introMs * 1000, hook);
            boolean playWritten =
                    RenditionStills.write(file, (introMs + hookMs + PLAY_STILL_AFTER_HOOK_MS) * 1000, play);
            console.printf(
                    "%-22s %4dx%-4d %5.1f s  %s%s%n",
                    r.getProfile(),
                    r.getWidth(),
                    r.getHeight(),
                    r.getDurationMs() / 1000.0,
                    root.relativize(hook),
                    playWritten ? ", " + root.relativize(play) : "");
        }
        console.println("Clips in " + clipDir + "; stills in " + stills);
        console.flush();
        return failed == 0 ? ExitCodes.OK : ExitCodes.PARTIAL;
    }

    /** How long the rendition's intro card plays before the hook. */
    private static long introMs(ProfileSet profiles, String rendition) {
        String template = profiles.rendition(rendition).graphics();
        GraphicsTemplate.Card intro =
                template == null ? null : profiles.template(template).intro();
        return intro == null ? 0 : intro.durationMs();
    }

    /** How long the clip's hook plays, in output time. */
    private static long hookMs(ClipPlan plan) {
        long ms = 0;
        for (Segment s : plan.getSegments()) {
            if (s.getRole() != SegmentRole.hook) {
                break;
            }
            ms += Math.round((s.getSourceEndMs() - s.getSourceStartMs()) / s.getSpeed());
        }
        return ms;
    }
}
