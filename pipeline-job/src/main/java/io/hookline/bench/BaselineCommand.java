package io.hookline.bench;

import io.hookline.model.SegmentRole;
import io.hookline.profiles.AudioSpec;
import io.hookline.render.RenditionRecipe;
import io.hookline.render.RenditionRecipe.Piece;
import io.hookline.render.graphics.Overlay;
import io.hookline.render.graphics.RenditionGraphics;
import io.hookline.render.media.VideoEncoding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * The naive way to make one rendition of one clip: one ffmpeg command that seeks to each of the clip's segments
 * (an input per segment), decodes it, puts it through the same crop, scale and pad chain as Hookline (a panning
 * crop follows the same path, sent to the crop filter frame by frame from a file), takes the same source frame
 * for every output frame, lays the same graphics over it (Hookline's own pictures of them, as PNG stills),
 * lays the segments end to end in timeline order between the same intro and outro cards, brings the sound to
 * the profile's loudness with ffmpeg's loudnorm, and encodes the whole with the same x264 and AAC settings into
 * a faststart MP4.
 */
final class BaselineCommand {
    /** Where the panning crop's commands are written: a path that needs no escaping inside a filtergraph. */
    private static final Pattern PLAIN_PATH = Pattern.compile("[A-Za-z0-9/._-]+");
    /** Inputs run this much past a segment, so the frame-rate filter always has the segment's last frame. */
    private static final long MARGIN_US = 40_000;
    /** The audio is cut at the rate the renderer cuts it at, before conversion to the profile's rate. */
    private static final int CUT_RATE = 48_000;

    private BaselineCommand() {}

    /**
     * @param sourceFps the source's frame rate, to place the crop's moves on its frames
     * @param work a directory for the crop paths of panning renditions
     */
    static List<String> of(String source, double sourceFps, RenditionRecipe recipe, Path out, Path work)
            throws IOException {
        if (!PLAIN_PATH.matcher(work.toAbsolutePath().toString()).matches()) {
            throw new IllegalArgumentException("the work directory's path must be plain ASCII without spaces: " + work);
        }
        List<String> args = new ArrayList<>(List.of("-hide_banner", "-nostdin", "-nostats", "-y"));
        List<String> graph = new ArrayList<>();
        StringBuilder concat = new StringBuilder();
        List<Piece> pieces = recipe.pieces();
        RenditionGraphics graphics = recipe.graphics();
        int input = 0;
        int parts = pieces.size();
        if (recipe.introFrames() > 0) {
            card(args, graph, concat, recipe, graphics.intro(), recipe.introFrames(), input++, "intro", work);
            parts++;
        }
        for (int i = 0; i < pieces.size(); i++) {
            Piece piece = pieces.get(i);
            long audioUs = recipe.outputTimeUs(piece.firstOutputFrame() + piece.frames())
                    - recipe.outputTimeUs(piece.firstOutputFrame());
            long videoUs = piece.sourceEndUs() - piece.sourceStartUs();
            int videoInput = input++;
            // A slowed segment's sound runs at normal speed for the segment's whole length: it reads further.
            boolean ownAudioInput = piece.speed() != 1.0;
            addInput(
                    args,
                    source,
                    piece.sourceStartUs(),
                    (ownAudioInput ? videoUs : Math.max(videoUs, audioUs)) + MARGIN_US);
            int audioInput = videoInput;
            if (ownAudioInput) {
                audioInput = input++;
                addInput(args, source, piece.sourceStartUs(), audioUs + MARGIN_US);
            }
            graph.add("[" + videoInput + ":v:0]" + video(recipe, piece, i, sourceFps, work) + "[p" + i + "]");
            graph.addAll(graphics(graphics, piece, i, work));
            int samples = recipe.samplesAt(piece.firstOutputFrame() + piece.frames(), CUT_RATE)
                    - recipe.samplesAt(piece.firstOutputFrame(), CUT_RATE);
            graph.add("[" + audioInput + ":a:0]aresample=" + CUT_RATE + ",atrim=end_sample=" + samples
                    + ",asetpts=PTS-STARTPTS[a" + i + "]");
            concat.append("[v").append(i).append("][a").append(i).append(']');
        }
        AudioSpec audio = recipe.profile().audio();
        // The script's way to the profile's loudness and true peak: ffmpeg's own EBU R128 normaliser.
        if (recipe.outroFrames() > 0) {
            card(args, graph, concat, recipe, graphics.outro(), recipe.outroFrames(), input++, "outro", work);
            parts++;
        }
        graph.add(concat + "concat=n=" + parts + ":v=1:a=1[v][joined]");
        graph.add(String.format(
                Locale.ROOT,
                "[joined]loudnorm=I=%.1f:TP=%.1f,aresample=%d[a]",
                audio.loudnessLufs(),
                audio.truePeakDbtp(),
                CUT_RATE));
        args.addAll(List.of("-filter_complex", String.join(";", graph), "-map", "[v]", "-map", "[a]"));
        args.addAll(videoEncoding(recipe.encoding()));
        args.addAll(List.of(
                "-c:a",
                "aac",
                "-b:a",
                audio.bitrateKbps() + "k",
                "-ar",
                Integer.toString(audio.sampleRate()),
                "-ac",
                Integer.toString(audio.channels()),
                "-movflags",
                "+faststart"));
        if (!recipe.profile().container().editLists()) {
            args.addAll(List.of("-use_editlist", "0"));
        }
        args.addAll(List.of("-f", "mp4", out.toString()));
        return args;
    }

    /**
     * The graphics over one piece, as the renderer draws them: each a still picture laid over the piece while
     * the source moment it shows is in the graphic's stretch ({@code t} counts from the piece's start).
     */
    private static List<String> graphics(RenditionGraphics graphics, Piece piece, int index, Path work)
            throws IOException {
        List<String> graph = new ArrayList<>();
        String last = "p" + index;
        int n = 0;
        for (RenditionGraphics.Placed placed : graphics.placed()) {
            Overlay o = placed.overlay();
            if ((placed.playsOnly() && piece.role() != SegmentRole.body)
                    || !o.overlaps(piece.sourceStartUs(), piece.sourceEndUs())) {
                continue;
            }
            String still = "g" + index + "_" + n;
            String next = "p" + index + "_" + n++;
            graph.add("movie=" + picture(o, work) + "[" + still + "]");
            graph.add(String.format(
                    Locale.ROOT,
                    "[%s][%s]overlay=x=%d:y=%d:enable='between(t,%s,%s)'[%s]",
                    last,
                    still,
                    o.x(),
                    o.y(),
                    seconds(Math.max(0, o.fromUs() - piece.sourceStartUs())),
                    seconds(Math.min(piece.sourceEndUs(), o.toUs()) - piece.sourceStartUs() - 1),
                    next));
            last = next;
        }
        graph.add("[" + last + "]null[v" + index + "]");
        return graph;
    }

    /** A card held for its frames, with silence under it, as one more part of the concatenation. */
    private static void card(
            List<String> args,
            List<String> graph,
            StringBuilder concat,
            RenditionRecipe recipe,
            Overlay card,
            int frames,
            int input,
            String name,
            Path work)
            throws IOException {
        VideoEncoding e = recipe.encoding();
        args.addAll(List.of(
                "-loop",
                "1",
                "-framerate",
                e.fpsNum() + "/" + e.fpsDen(),
                "-i",
                picture(card, work).toString()));
        graph.add("[" + input + ":v:0]format=yuv420p,setsar=1,trim=end_frame=" + frames + ",setpts=PTS-STARTPTS[" + name
                + "v]");
        graph.add("anullsrc=r=" + CUT_RATE + ":cl=stereo,atrim=end_sample=" + recipe.samplesAt(frames, CUT_RATE) + "["
                + name + "a]");
        concat.append('[').append(name).append("v][").append(name).append("a]");
    }

    /** The graphic as a PNG in the work directory, written once per look. */
    private static Path picture(Overlay o, Path work) throws IOException {
        Files.createDirectories(work);
        Path file = work.resolve("graphic-" + o.signature() + ".png");
        if (!Files.exists(file)) {
            Path temp = Files.createTempFile(work, "graphic-", ".part");
            ImageIO.write(o.image(), "png", temp.toFile());
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file.toAbsolutePath();
    }

    /** The x264 settings Hookline's encoder uses, as ffmpeg options. */
    static List<String> videoEncoding(VideoEncoding e) {
        List<String> args = new ArrayList<>(List.of(
                "-c:v",
                "libx264",
                "-preset",
                e.preset(),
                "-profile:v",
                e.profile(),
                "-level:v",
                e.level(),
                "-g",
                Integer.toString(e.gopFrames()),
                "-keyint_min",
                Integer.toString(e.gopFrames()),
                "-flags:v",
                "+cgop",
                "-x264-params",
                "scenecut=0:open-gop=0",
                "-pix_fmt",
                "yuv420p",
                "-threads:v",
                Integer.toString(e.threads())));
        if (!e.bframes()) {
            args.addAll(List.of("-bf", "0"));
        }
        int maxRate = e.maxBitrateKbps();
        if (e.bitrateKbps() > 0) {
            maxRate = Math.min(e.maxBitrateKbps(), e.bitrateKbps() * 3 / 2);
            args.addAll(List.of("-b:v", e.bitrateKbps() + "k"));
        } else {
            args.addAll(List.of("-crf", Integer.toString(e.crf())));
        }
        args.addAll(List.of("-maxrate", maxRate + "k", "-bufsize", 2 * maxRate + "k"));
        return args;
    }

    private static void addInput(List<String> args, String source, long startUs, long durationUs) {
        args.addAll(List.of("-ss", seconds(startUs), "-t", seconds(durationUs), "-i", source));
    }

    /**
     * One segment's pictures: the rendition's chain, then the segment's timing. The frame-rate filter rounding
     * up keeps, for each output frame, the source frame on screen at that moment, as the renderer does.
     */
    private static String video(RenditionRecipe recipe, Piece piece, int index, double sourceFps, Path work)
            throws IOException {
        String chain = recipe.filterChain();
        String prefix = "";
        if (recipe.pans()) {
            if (!chain.startsWith("crop=")) {
                throw new IllegalStateException("a panning chain starts with its crop: " + chain);
            }
            // Each segment's crop gets its own name, so the commands of one input move only its crop.
            String name = "crop@p" + index;
            chain = name + chain.substring("crop".length());
            prefix = "sendcmd=f=" + cropPath(recipe, piece, name, sourceFps, work) + ",";
        }
        String timing = piece.speed() == 1.0
                ? "setpts=PTS-STARTPTS"
                : "setpts=(PTS-STARTPTS)/" + String.format(Locale.ROOT, "%.6f", piece.speed());
        VideoEncoding e = recipe.encoding();
        return prefix + chain + "," + timing + ",fps=" + e.fpsNum() + "/" + e.fpsDen() + ":round=up,trim=end_frame="
                + piece.frames();
    }

    /** The crop's left edge for every source frame of the segment where it moves, timed from the segment's start. */
    private static Path cropPath(RenditionRecipe recipe, Piece piece, String name, double sourceFps, Path work)
            throws IOException {
        StringBuilder commands = new StringBuilder();
        int last = Integer.MIN_VALUE;
        for (long n = 0; ; n++) {
            long offsetUs = Math.round(n * 1_000_000 / sourceFps);
            if (piece.sourceStartUs() + offsetUs >= piece.sourceEndUs()) {
                break;
            }
            int x = recipe.cropX(piece.sourceStartUs() + offsetUs);
            if (x != last) {
                // Sent just before the frame's own time, so that frame is the first with the new edge.
                double at = Math.max(0, offsetUs - 500) / 1e6;
                commands.append(String.format(Locale.ROOT, "%.6f %s x %d;%n", at, name, x));
                last = x;
            }
        }
        Files.createDirectories(work);
        Path file = Files.createTempFile(work, "crop-", ".cmd");
        Files.writeString(file, commands, StandardCharsets.US_ASCII);
        return file.toAbsolutePath();
    }

    private static String seconds(long us) {
        return String.format(Locale.ROOT, "%.6f", us / 1e6);
    }
}
