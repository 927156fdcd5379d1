package io.hookline.console;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web console: Javalin on Jetty, pages rendered on the server, live progress over SSE, videos with range
 * requests. It refuses to listen beyond loopback without users to log in.
 */
public final class ConsoleServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleServer.class);
    private static final Map<String, String> ASSETS =
            Map.of("console.css", "text/css; charset=utf-8", "console.js", "text/javascript; charset=utf-8");

    private final Javalin app;
    private final ProgressFeed feed;
    private final PreviewRunner preview;
    private final SubmitRoutes submit;
    private final OutputFolder output;

    private ConsoleServer(
            Javalin app, ProgressFeed feed, PreviewRunner preview, SubmitRoutes submit, OutputFolder output) {
        this.app = app;
        this.feed = feed;
        this.preview = preview;
        this.submit = submit;
        this.output = output;
    }

    public static ConsoleServer start(ConsoleSettings settings) throws IOException {
        requireLoginBeyondLoopback(settings.host(), settings.users() != null);
        Files.createDirectories(settings.work());
        Clock clock = Clock.systemUTC();
        Guard guard = new Guard(new Sessions(clock), settings.users(), false);
        ProfileCatalog profiles = new ProfileCatalog(settings.profileDirs());
        MatchRoutes matches = new MatchRoutes(settings.output(), profiles);
        PublishRoutes publishing = new PublishRoutes(settings.ledger(), profiles, clock);
        PreviewRunner preview = new PreviewRunner(settings.work().resolve("preview"), settings.commands());
        ProfileRoutes profilePages = new ProfileRoutes(profiles, preview, settings.output());
        SubmitRoutes submit = new SubmitRoutes(settings, profiles);
        LoginRoutes login = new LoginRoutes(guard, new LoginThrottle(clock));
        ProgressFeed feed = new ProgressFeed(matches, settings.poll());

        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.jetty.multipartConfig.cacheDirectory(
                    settings.work().resolve("uploads").toString());
            config.jetty.multipartConfig.maxFileSize(2, io.javalin.config.SizeUnit.GB);
            config.router.mount(router -> {
                router.beforeMatched(guard::check);
                router.get("/login", login::form);
                router.post("/login", login::login);
                router.post("/logout", login::logout);
                router.get("/assets/{name}", ConsoleServer::asset);
                router.get("/", matches::matches, Role.VIEWER);
                router.sse("/events/matches", client -> feed.follow(client, null), Role.VIEWER);
                // Checked before the stream starts: once it has, a refusal could no longer be a 400.
                router.before("/events/matches/{match}", ctx -> Ids.require(ctx.pathParam("match"), "match id"));
                router.sse(
                        "/events/matches/{match}",
                        client -> feed.follow(client, client.ctx().pathParam("match")),
                        Role.VIEWER);
                router.get("/matches/{match}", matches::match, Role.VIEWER);
                router.get("/media/{match}/{clip}/{rendition}", matches::video, Role.VIEWER);
                router.head("/media/{match}/{clip}/{rendition}", matches::video, Role.VIEWER);
                router.get("/media/{match}/{clip}/{rendition}/poster", matches::poster, Role.VIEWER);
                router.get("/publishing", publishing::page, Role.VIEWER);
                router.post("/publishing/approve", publishing::approve, Role.PUBLISHER);
                router.post("/publishing/reject", publishing::reject, Role.PUBLISHER);
                router.get("/profiles", profilePages::page, Role.VIEWER);
                router.post("/profiles/preview", profilePages::startPreview, Role.EDITOR);
                router.get("/profiles/stills/{name}", profilePages::still, Role.VIEWER);
                router.get("/submit", submit::page, Role.VIEWER);
                router.post("/submit", submit::submit, Role.PUBLISHER);
                router.before(ConsoleServer::securityHeaders);
                router.exception(
                        Ids.BadIdException.class, (e, ctx) -> error(ctx, HttpStatus.BAD_REQUEST, e.getMessage()));
                router.exception(
                        HttpResponseException.class,
                        (e, ctx) -> error(ctx, HttpStatus.forStatus(e.getStatus()), e.getMessage()));
                router.exception(IOException.class, (e, ctx) -> {
                    LOG.warn("{} {}: {}", ctx.method(), ctx.path(), e.toString());
                    error(ctx, HttpStatus.INTERNAL_SERVER_ERROR, e.getMessage());
                });
            });
        });
        app.start(settings.host(), settings.port());
        LOG.info(
                "Console on http://{}:{}/ for {}",
                settings.host(),
                app.port(),
                settings.output().describe());
        return new ConsoleServer(app, feed, preview, submit, settings.output());
    }

    public int port() {
        return app.port();
    }

    /** Without users the console is for whoever is on this machine, so it may listen only on loopback. */
    static void requireLoginBeyondLoopback(String host, boolean users) {
        if (users) {
            return;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (!address.isLoopbackAddress()) {
                    throw new IllegalArgumentException("--host " + host + " is reachable from other machines: give"
                            + " --users FILE so that nobody gets in without logging in");
                }
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--host " + host + ": unknown address");
        }
    }

    private static void securityHeaders(Context ctx) {
        // Videos and posters may come from presigned S3 URLs; nothing else loads from anywhere but here.
        ctx.header(
                "Content-Security-Policy",
                "default-src 'self'; img-src 'self' data: https: http:;"
                        + " media-src 'self' https: http:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("X-Frame-Options", "DENY");
    }

    private static void asset(Context ctx) throws IOException {
        String name = ctx.pathParam("name");
        String type = ASSETS.get(name);
        if (type == null) {
            throw new io.javalin.http.NotFoundResponse("no asset " + name);
        }
        try (InputStream in = ConsoleServer.class.getResourceAsStream(name)) {
            ctx.contentType(type).header("Cache-Control", "no-cache").result(in.readAllBytes());
        }
    }

    private static void error(Context ctx, HttpStatus status, String message) {
        ctx.status(status);
        ctx.html("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\""
                + " content=\"width=device-width, initial-scale=1\"><title>" + status.getCode() + " · Hookline</title>"
                + "<link rel=\"stylesheet\" href=\"/assets/console.css\"></head><body><main><h1>" + status.getCode()
                + " "
                + Html.esc(status.getMessage()) + "</h1><p class=\"error\" role=\"alert\">" + Html.esc(message)
                + "</p><p><a href=\"/\">Matches</a></p></main></body></html>");
    }

    @Override
    public void close() {
        feed.close();
        preview.close();
        submit.close();
        app.stop();
        if (output instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.warn("Closing {}: {}", output.describe(), e.toString());
            }
        }
    }
}
