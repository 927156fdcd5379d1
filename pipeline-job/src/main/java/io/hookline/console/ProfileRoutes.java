package io.hookline.console;

import io.hookline.storage.ProfileStatus;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The profiles page, starting a preview, and the preview's stills. */
final class ProfileRoutes {
    private final ProfileCatalog profiles;
    private final PreviewRunner preview;
    private final OutputFolder output;

    ProfileRoutes(ProfileCatalog profiles, PreviewRunner preview, OutputFolder output) {
        this.profiles = profiles;
        this.preview = preview;
        this.output = output;
    }

    void page(Context ctx) throws IOException {
        int a = index(ctx.queryParam("a"), 0);
        int b = index(ctx.queryParam("b"), Math.min(1, profiles.size() - 1));
        ctx.html(ProfilesPage.render(Guard.session(ctx), profiles.all(), running(), preview.status(), a, b));
    }

    /** What the live job writing to the output says of its profile store, when it reads one. */
    private Optional<ProfileStatus> running() throws IOException {
        Optional<byte[]> json = output.read(ProfileStatus.FOLDER, ProfileStatus.FILE);
        return json.isEmpty() ? Optional.empty() : Optional.of(ProfileStatus.parse(json.get()));
    }

    void startPreview(Context ctx) {
        preview.start(profiles.current().dir());
        ctx.redirect("/profiles", HttpStatus.SEE_OTHER);
    }

    void still(Context ctx) throws IOException {
        Path still = preview.still(ctx.pathParam("name"));
        if (!Files.isRegularFile(still)) {
            throw new NotFoundResponse("no still " + ctx.pathParam("name"));
        }
        ctx.contentType("image/png").result(Files.readAllBytes(still));
    }

    private int index(String given, int fallback) {
        try {
            int i = given == null ? fallback : Integer.parseInt(given);
            return i >= 0 && i < profiles.size() ? i : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
