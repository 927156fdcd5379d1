package io.hookline.console;

import io.javalin.security.RouteRole;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a console user may do. A viewer looks; an editor also works on the profiles; a publisher also approves
 * and rejects posts and submits matches. Every role includes viewing; a user may hold several.
 */
public enum Role implements RouteRole {
    VIEWER,
    EDITOR,
    PUBLISHER;

    public static Role parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown role '" + text + "' (expected viewer, editor or publisher)");
        }
    }

    /** {@code editor,publisher}: one or more roles. */
    public static Set<Role> parseList(String text) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String part : text.split(",")) {
            roles.add(parse(part));
        }
        return roles;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
