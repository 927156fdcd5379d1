package io.hookline.console;

import io.hookline.console.MatchView.Clip;
import io.hookline.console.MatchView.Rendition;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The matches page, one match's page, and its renditions and posters (range requests, or a presigned URL). */
final class MatchRoutes {
    private final OutputFolder output;
    private final MatchReader reader;
    private final ProfileCatalog profiles;

    MatchRoutes(OutputFolder output, ProfileCatalog profiles) {
        this.output = output;
        this.reader = new MatchReader(output);
        this.profiles = profiles;
    }

    List<MatchView.Progress> progress() throws IOException {
        List<MatchView.Progress> all = new ArrayList<>();
        for (String id : output.matchIds()) {
            reader.read(id).ifPresent(m -> all.add(m.progress()));
        }
        return all;
    }

    void matches(Context ctx) throws IOException {
        ctx.html(MatchesPage.render(Guard.session(ctx), output.describe(), progress()));
    }

    void match(Context ctx) throws IOException {
        long started = System.nanoTime();
        MatchView match = find(ctx.pathParam("match"));
        GalleryFilter filter = new GalleryFilter(
                GalleryFilter.blankToNull(ctx.queryParam("kind")),
                GalleryFilter.blankToNull(ctx.queryParam("player")),
                GalleryFilter.blankToNull(ctx.queryParam("team")),
                GalleryFilter.blankToNull(ctx.queryParam("destination")));
        String page = MatchPage.render(
                Guard.session(ctx),
                match,
                filter,
                profiles.destinations(),
                profiles.current().profiles());
        // The time spent reading the manifest and rendering, for the browser's timing of the page.
        ctx.header(
                "Server-Timing",
                String.format(java.util.Locale.ROOT, "render;dur=%.1f", (System.nanoTime() - started) / 1e6));
        ctx.html(page);
    }

    void video(Context ctx) throws IOException {
        Rendition r = rendition(ctx);
        if (!r.ok()) {
            throw new NotFoundResponse("rendition " + r.profile() + " failed: " + r.error());
        }
        send(ctx, ctx.pathParam("match"), r.path(), "video/mp4");
    }

    void poster(Context ctx) throws IOException {
        Rendition r = rendition(ctx);
        if (r.thumbnail() == null) {
            throw new NotFoundResponse("rendition " + r.profile() + " has no poster");
        }
        send(ctx, ctx.pathParam("match"), r.thumbnail(), r.thumbnail().endsWith(".png") ? "image/png" : "image/jpeg");
    }

    MatchView find(String matchId) throws IOException {
        return reader.read(Ids.require(matchId, "match id"))
                .orElseThrow(() -> new NotFoundResponse("no match " + matchId + " in " + output.describe()));
    }

    /** The rendition the URL names, looked up in the manifest: the file's path comes from there, never the URL. */
    private Rendition rendition(Context ctx) throws IOException {
        String clipId = Ids.require(ctx.pathParam("clip"), "clip id");
        String profile = Ids.require(ctx.pathParam("rendition"), "rendition");
        MatchView match = find(ctx.pathParam("match"));
        Clip clip = match.clips().stream()
                .filter(c -> c.clipId().equals(clipId))
                .findFirst()
                .orElseThrow(() -> new NotFoundResponse("no clip " + clipId + " in match " + match.matchId()));
        return clip.renditions().stream()
                .filter(r -> r.profile().equals(profile))
                .findFirst()
                .orElseThrow(() -> new NotFoundResponse("clip " + clipId + " has no rendition " + profile));
    }

    private void send(Context ctx, String matchId, String file, String type) throws IOException {
        OutputFolder.Media media = output.media(matchId, file);
        if (media instanceof OutputFolder.Media.Redirect redirect) {
            ctx.redirect(redirect.url(), HttpStatus.FOUND);
            return;
        }
        Path path = ((OutputFolder.Media.Local) media).path();
        if (!Files.isRegularFile(path)) {
            throw new NotFoundResponse("the file of this rendition is missing");
        }
        long size = Files.size(path);
        ctx.header("Cache-Control", "private, max-age=3600")
                .header("Accept-Ranges", "bytes")
                .contentType(type);
        Optional<ByteRange> range;
        try {
            range = ByteRange.parse(ctx.header("Range"), size);
        } catch (ByteRange.Unsatisfiable e) {
            ctx.status(HttpStatus.RANGE_NOT_SATISFIABLE).header("Content-Range", "bytes */" + size);
            return;
        }
        long first = range.map(ByteRange::first).orElse(0L);
        long length = range.map(ByteRange::length).orElse(size);
        if (range.isPresent()) {
            ctx.status(HttpStatus.PARTIAL_CONTENT)
                    .header("Content-Range", "bytes " + first + "-" + (first + length - 1) + "/" + size);
        }
        ctx.header("Content-Length", Long.toString(length));
        if (ctx.method() == HandlerType.HEAD) {
            return;
        }
        try (InputStream in = Files.newInputStream(path);
                OutputStream body = ctx.outputStream()) {
            in.skipNBytes(first);
            copy(in, body, length);
        }
    }

    private static void copy(InputStream in, OutputStream out, long length) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long left = length;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new IOException("the file got shorter while it was sent");
            }
            out.write(buffer, 0, n);
            left -= n;
        }
    }
}
