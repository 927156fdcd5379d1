package io.hookline.testing;

import io.hookline.profiles.AudioSpec;
import io.hookline.profiles.CameraMotion;
import io.hookline.profiles.CompilationRules;
import io.hookline.profiles.Container;
import io.hookline.profiles.ContextRules;
import io.hookline.profiles.EventRule;
import io.hookline.profiles.Fit;
import io.hookline.profiles.GraphicsTemplate;
import io.hookline.profiles.HighlightRules;
import io.hookline.profiles.MediaRules;
import io.hookline.profiles.ProfileSet;
import io.hookline.profiles.Reframe;
import io.hookline.profiles.RenditionProfile;
import io.hookline.profiles.ReplayRule;
import io.hookline.profiles.SafeZone;
import io.hookline.profiles.VideoSpec;
import io.hookline.vocabulary.EventType;
import java.util.List;
import java.util.Map;

/** Small hand-made rules and profiles with round numbers, so expected values can be worked out by hand. */
public final class Rules {
    public static final long HOOK_MS = 2_000;
    public static final long GAP_MS = 4_000;
    public static final long MAX_PLAY_MS = 30_000;

    private Rules() {}

    /**
     * GOAL and SHOT make clips (8 s/5 s and 6 s/3 s around them); KEY_PASS and FOUL only add to a play.
     * Other types are not listed.
     */
    public static HighlightRules rules() {
        return rules(CompilationRules.NONE);
    }

    /** {@link #rules()} with these compilations. */
    public static HighlightRules rules(CompilationRules compilations) {
        return new HighlightRules(
                "test",
                HOOK_MS,
                GAP_MS,
                MAX_PLAY_MS,
                Map.of(
                        EventType.GOAL, new EventRule(true, 1.0, 8_000, 5_000),
                        EventType.SHOT, new EventRule(true, 0.5, 6_000, 3_000),
                        EventType.KEY_PASS, new EventRule(false, 0.25, 0, 0),
                        EventType.FOUL, new EventRule(false, 0.1, 0, 0)),
                new ContextRules(Map.of(), 1.25, 1.15, 1, 0, 1, 0, 1, 1),
                MediaRules.NONE,
                ReplayRule.NONE,
                compilations,
                CameraMotion.FIXED);
    }

    /** {@link #rules()} with two renditions, "wide" and "tall", drawing a template that shows nothing. */
    public static ProfileSet profiles(String version) {
        return profiles(version, CompilationRules.NONE);
    }

    /** {@link #profiles(String)} whose rules make these compilations. */
    public static ProfileSet profiles(String version, CompilationRules compilations) {
        GraphicsTemplate plain =
                new GraphicsTemplate("plain", "graphics/test.yaml", null, null, null, null, null, null);
        return new ProfileSet(
                version,
                rules(compilations),
                List.of(rendition("wide", 1280, 720), rendition("tall", 720, 1280)),
                List.of(plain));
    }

    private static RenditionProfile rendition(String name, int width, int height) {
        VideoSpec video = new VideoSpec(
                width, height, 25, Fit.PAD, Reframe.CENTER, "h264", "main", "3.1", 2, "veryfast", 23, 2500);
        return new RenditionProfile(
                name,
                name,
                "profiles/test.yaml",
                video,
                new AudioSpec(48_000, 2, 96, -14, -1),
                new Container("mp4", true, true),
                SafeZone.NONE,
                "plain",
                1_000,
                60_000,
                0);
    }
}
