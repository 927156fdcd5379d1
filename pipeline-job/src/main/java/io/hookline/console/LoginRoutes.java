package io.hookline.console;

import io.hookline.console.Sessions.Session;
import io.hookline.console.Users.User;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Duration;
import java.util.Optional;

/** The login form, logging in (a fresh session) and out; repeated failures are throttled. */
final class LoginRoutes {
    private final Guard guard;
    private final LoginThrottle throttle;

    LoginRoutes(Guard guard, LoginThrottle throttle) {
        this.guard = guard;
        this.throttle = throttle;
    }

    void form(Context ctx) {
        show(ctx, null);
    }

    void login(Context ctx) {
        String name = ctx.formParam("user");
        String password = ctx.formParam("password");
        Duration wait = throttle.wait(name, ctx.ip());
        if (!wait.isZero()) {
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            ctx.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", Long.toString(seconds));
            show(ctx, "Too many failed logins: try again in " + seconds + " s.");
            return;
        }
        Optional<User> user = guard.loginNeeded() && password != null
                ? guard.users().authenticate(name, password.toCharArray())
                : Optional.empty();
        if (user.isEmpty()) {
            throttle.failed(name, ctx.ip());
            ctx.status(HttpStatus.UNAUTHORIZED);
            show(ctx, "Wrong user name or password.");
            return;
        }
        throttle.succeeded(name, ctx.ip());
        guard.startSession(ctx, user.get());
        ctx.redirect(next(ctx.queryParam("next")), HttpStatus.SEE_OTHER);
    }

    void logout(Context ctx) {
        guard.endSession(ctx);
        ctx.redirect(guard.loginNeeded() ? "/login" : "/", HttpStatus.SEE_OTHER);
    }

    private void show(Context ctx, String error) {
        Session session = Guard.session(ctx);
        String next = ctx.queryParam("next");
        ctx.html(Html.page(
                "Log in",
                "",
                session,
                (error == null ? "" : "<p class=\"error\" role=\"alert\">" + Html.esc(error) + "</p>")
                        + "<form class=\"login\" method=\"post\" action=\"/login"
                        + (next == null
                                ? ""
                                : "?next="
                                        + Html.esc(java.net.URLEncoder.encode(
                                                next(next), java.nio.charset.StandardCharsets.UTF_8)))
                        + "\">" + Html.csrf(session)
                        + "<label>User <input name=\"user\" autocomplete=\"username\" required></label>"
                        + "<label>Password or token <input name=\"password\" type=\"password\" autocomplete=\"current-password\" required></label>"
                        + "<button type=\"submit\">Log in</button></form>"));
    }

    /** Only a path on this console: a next= pointing elsewhere would make the login page an open redirect. */
    static String next(String next) {
        return next != null && next.startsWith("/") && !next.startsWith("//") && !next.contains("\\") ? next : "/";
    }
}
