package io.hookline.publish.emulator;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What Meta's Graph API (Instagram and WhatsApp) shares: version prefixes, tokens, the error shape. */
final class Graph {
    private static final Pattern VERSION = Pattern.compile("^/v\\d+\\.\\d+(?=/)");

    private Graph() {}

    /** The path without its optional {@code /v21.0} version prefix. */
    static String path(EmulatorRequest request) {
        return VERSION.matcher(request.path).replaceFirst("");
    }

    /** The request's API version, {@code v21.0} when its path names none. */
    static String version(EmulatorRequest request) {
        Matcher m = VERSION.matcher(request.path);
        return m.find() ? m.group().substring(1) : "v21.0";
    }

    /** Requires the token as {@code access_token} or in {@code Authorization: Bearer|OAuth}. */
    static void authorize(EmulatorRequest request, String token) {
        Optional<String> given = Optional.ofNullable(request.params().get("access_token"))
                .or(() -> request.header("Authorization").map(a -> a.replaceFirst("(?i)^(Bearer|OAuth) ", "")));
        if (!given.filter(token::equals).isPresent()) {
            throw new Refusal(401, "190", "Invalid OAuth access token - Cannot parse access token");
        }
    }

    /** Graph's error body; {@code code} is the numeric code, optionally {@code code/subcode}. */
    static Reply error(int status, String code, String message) {
        String[] parts = code.split("/");
        Integer number = parts[0].matches("\\d+") ? Integer.valueOf(parts[0]) : (status == 429 ? 4 : 2);
        var body = Json.obj(
                "message",
                message,
                "type",
                status == 401 ? "OAuthException" : "GraphMethodException",
                "code",
                number,
                "fbtrace_id",
                "emulator");
        if (parts.length > 1) {
            body.put("error_subcode", Integer.valueOf(parts[1]));
        }
        return Reply.json(status, Json.obj("error", body));
    }
}
