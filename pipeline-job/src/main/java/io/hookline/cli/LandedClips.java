package io.hookline.cli;

import io.hookline.model.RenderedClip;
import io.hookline.model.Rendition;
import io.hookline.model.RenditionStatus;
import io.hookline.publish.ManifestClip;
import io.hookline.publish.ManifestRendition;
import io.hookline.publish.MatchClips;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** A clip record of the clips topic as publishing reads a manifest: its files under OUT/&lt;matchId&gt;/. */
final class LandedClips {
    private LandedClips() {}

    /** The clip as the only one of its match, its rendition paths resolved as the manifest's are. */
    static MatchClips of(RenderedClip clip, Path out) {
        Path dir = out.resolve(clip.getMatchId());
        List<ManifestRendition> renditions =
                clip.getRenditions().stream().map(r -> rendition(r, dir)).toList();
        ManifestClip manifestClip = new ManifestClip(
                clip.getClipId(),
                clip.getKind().name().toLowerCase(Locale.ROOT),
                clip.getRank(),
                clip.getScore(),
                clip.getTitle(),
                clip.getWithdrawn(),
                renditions);
        return new MatchClips(clip.getMatchId(), dir, false, List.of(manifestClip));
    }

    /** Why the clip was withdrawn, from its notes, with what replaces it. */
    static String withdrawal(RenderedClip clip) {
        String why = clip.getNotes().stream()
                .map(n -> n.replaceFirst("^withdrawn: ", ""))
                .findFirst()
                .orElse("a correction");
        return why + (clip.getReplacedBy() == null ? "" : "; replaced by " + clip.getReplacedBy());
    }

    private static ManifestRendition rendition(Rendition r, Path dir) {
        boolean ok = r.getStatus() == RenditionStatus.ok && r.getPath() != null;
        return new ManifestRendition(
                r.getProfile(),
                ok ? dir.resolve(r.getPath()).normalize() : null,
                r.getBytes(),
                r.getSha256() == null ? "" : r.getSha256(),
                ok);
    }
}
