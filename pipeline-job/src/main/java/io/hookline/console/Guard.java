package io.hookline.console;

import io.hookline.console.Sessions.Session;
import io.hookline.console.Users.User;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import io.javalin.http.UnauthorizedResponse;
import io.javalin.security.RouteRole;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.EnumSet;

/**
 * Runs before every matched route: gives the browser a session, sends it to the login page when the console
 * has users and nobody is logged in, refuses a route its roles do not allow, and refuses every POST whose CSRF
 * token is not the session's. Without a users file (only allowed on a loopback address) the one local user
 * holds every role.
 */
final class Guard {
    static final String COOKIE = "hookline_session";
    static final String CSRF_FIELD = "_csrf";
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final String SESSION = "session";

    static final User LOCAL = new User("local", EnumSet.allOf(Role.class), "");

    private final Sessions sessions;
    private final Users users;
    private final boolean secureCookie;

    /** {@code users} null: no login, everyone on this machine is {@link #LOCAL}. */
    Guard(Sessions sessions, Users users, boolean secureCookie) {
        this.sessions = sessions;
        this.users = users;
        this.secureCookie = secureCookie;
    }

    boolean loginNeeded() {
        return users != null;
    }

    Users users() {
        return users;
    }

    void check(Context ctx) {
        Session session = sessions.find(ctx.cookie(COOKIE)).orElse(null);
        if (session == null) {
            session = startSession(ctx, users == null ? LOCAL : null);
        }
        ctx.attribute(SESSION, session);
        if (!ctx.method().name().equals("GET") && !ctx.method().name().equals("HEAD")) {
            requireCsrf(ctx, session);
        }
        if (ctx.routeRoles().isEmpty()) {
            return; // the login page and the log-out action
        }
        if (session.user() == null) {
            if (ctx.method().name().equals("GET") && !ctx.path().startsWith("/events")) {
                ctx.redirect(
                        "/login?next=" + URLEncoder.encode(ctx.path(), StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
                ctx.skipRemainingHandlers();
                return;
            }
            throw new UnauthorizedResponse("log in first");
        }
        for (RouteRole role : ctx.routeRoles()) {
            if (!session.user().may((Role) role)) {
                throw new ForbiddenResponse(session.user().name() + " is not a " + ((Role) role).label());
            }
        }
    }

    Session startSession(Context ctx, User user) {
        sessions.end(ctx.cookie(COOKIE));
        Session session = sessions.start(user);
        ctx.cookie(new Cookie(COOKIE, session.id(), "/", -1, secureCookie, 0, true, null, null, SameSite.STRICT));
        ctx.attribute(SESSION, session);
        return session;
    }

    void endSession(Context ctx) {
        sessions.end(ctx.cookie(COOKIE));
        ctx.removeCookie(COOKIE, "/");
    }

    static Session session(Context ctx) {
        return ctx.attribute(SESSION);
    }

    private static void requireCsrf(Context ctx, Session session) {
        String given = ctx.header(CSRF_HEADER);
        if (given == null) {
            given = ctx.formParam(CSRF_FIELD);
        }
        if (given == null
                || !MessageDigest.isEqual(
                        given.getBytes(StandardCharsets.UTF_8), session.csrf().getBytes(StandardCharsets.UTF_8))) {
            throw new ForbiddenResponse("the form's CSRF token is missing or stale; reload the page and try again");
        }
    }
}
