package io.hookline.profiles;

import io.hookline.profiles.Destination.ClipKind;
import io.hookline.profiles.Destination.Credentials;
import io.hookline.profiles.Destination.Quota;
import io.hookline.profiles.Destination.Takes;
import io.hookline.profiles.Inheritance.Declared;
import io.hookline.profiles.PlatformLimits.QuotaScope;
import io.hookline.vocabulary.Suggestions;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Binds {@code destinations/*.yaml}: the {@code platforms} (what each platform accepts) and the
 * {@code destinations} that post there, each checked against its platform and the rendition it posts (see
 * {@link PlatformRules}). Destinations have no {@code extends}: each is short, and a destination written out
 * in full is easier to check before it posts in public.
 */
final class DestinationBinder {

    static final String PLATFORMS_KEY = "platforms";
    static final String TOP_KEY = "destinations";

    static final List<String> PLATFORMS = YamlNames.all(Platform.values());
    static final List<String> PRIVACIES = YamlNames.all(Privacy.values());
    static final List<String> CLIP_KINDS = YamlNames.all(ClipKind.values());
    static final List<String> QUOTA_SCOPES = YamlNames.all(QuotaScope.values());
    static final List<String> CREDENTIAL_KEYS = List.of("env", "file", "awsSecret");

    // Upper case by convention, which also keeps most tokens (ghp_..., ya29...., xoxb-...) out.
    private static final Pattern ENV_NAME = Pattern.compile("[A-Z_][A-Z0-9_]*");
    private static final Pattern AWS_SECRET = Pattern.compile(
            "arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\\d{12}:secret:[A-Za-z0-9/_+=.@-]+|[A-Za-z0-9/_+=.@-]{1,512}");
    private static final Pattern HASHTAG = Pattern.compile("#?[\\p{L}\\p{N}_]+");
    // Key names that hold a secret itself, compared in lower case without '-' and '_'.
    private static final Pattern SECRET_KEY = Pattern.compile(
            "key|pass|pwd|.*(token|secret|password|passwd|apikey|privatekey|accesskey|bearer|cookie).*");
    private static final Range MEGABYTES = Range.of(0, 100_000);
    private static final Range SECONDS = Range.of(0, 86_400);

    private final Map<String, RenditionProfile> renditions = new HashMap<>();
    private final Map<String, GraphicsTemplate> templates = new HashMap<>();
    private final Map<String, Inheritance.Resolved> declaredRenditions;
    private final ReadContext context;
    private final Map<Platform, PlatformLimits> limits = new EnumMap<>(Platform.class);
    // Posts a day already taken from each platform's quota, by the quota's owner: the project or the account.
    private final Map<String, Integer> quotaTaken = new HashMap<>();
    private final Map<String, List<String>> quotaTakers = new HashMap<>();

    /** The platforms and destinations of the files, each with its limits applied. */
    record Bound(List<PlatformLimits> platforms, List<Destination> destinations) {}

    /**
     * @param renditions the concrete renditions of the set
     * @param declaredRenditions every rendition declared, abstract ones too, by name
     */
    DestinationBinder(
            List<RenditionProfile> renditions,
            List<GraphicsTemplate> templates,
            Map<String, Inheritance.Resolved> declaredRenditions,
            ReadContext context) {
        renditions.forEach(r -> this.renditions.put(r.name(), r));
        templates.forEach(t -> this.templates.put(t.name(), t));
        this.declaredRenditions = declaredRenditions;
        this.context = context;
    }

    /** Adds one file's platforms and destinations to those of earlier files. */
    static void collect(
            YamlNode root, ReadContext context, Map<String, Declared> platforms, Map<String, Declared> destinations) {
        MapReader.read(root, "", context, false, top -> {
            boolean any = top.optionalMap(
                            PLATFORMS_KEY, map -> Declarations.add(map, PLATFORMS_KEY, "platform", context, platforms))
                    .isPresent();
            any |= top.optionalMap(TOP_KEY, map -> Declarations.add(map, TOP_KEY, "destination", context, destinations))
                    .isPresent();
            if (!any) {
                context.problem(top.location(), "expected '" + PLATFORMS_KEY + "', '" + TOP_KEY + "' or both");
            }
            return top;
        });
    }

    /** Checks and binds every platform, then every destination against them. */
    Bound bind(Map<String, Declared> platforms, Map<String, Declared> destinations) {
        List<PlatformLimits> described = new ArrayList<>();
        platforms.forEach((name, declared) -> platform(name, declared).ifPresent(p -> {
            described.add(p);
            limits.put(p.platform(), p);
        }));
        List<Destination> bound = new ArrayList<>();
        destinations.forEach((name, declared) -> MapReader.read(
                        declared.node(),
                        TOP_KEY + "." + name,
                        context,
                        false,
                        d -> destination(name, declared.node().location().file(), d))
                .ifPresent(bound::add));
        return new Bound(described, bound);
    }

    private Optional<PlatformLimits> platform(String name, Declared declared) {
        if (!PLATFORMS.contains(name)) {
            context.problem(
                    declared.key(),
                    "unknown platform '" + name + "'"
                            + Suggestions.closest(name, PLATFORMS)
                                    .map(p -> "; did you mean '" + p + "'?")
                                    .orElse(".")
                            + " Known: " + String.join(", ", PLATFORMS));
        }
        Platform platform = PLATFORMS.contains(name) ? YamlNames.parse(Platform.class, name) : null;
        String file = declared.node().location().file();
        return MapReader.read(
                        declared.node(),
                        PLATFORMS_KEY + "." + name,
                        context,
                        false,
                        p -> new PlatformLimits(
                                platform,
                                file,
                                p.list("privacy", true, text -> YamlNames.parse(Privacy.class, oneOf(text, PRIVACIES))),
                                p.integer("postsPer24h", Range.of(0, 100_000), 0),
                                YamlNames.parse(
                                        QuotaScope.class,
                                        p.oneOf("quotaPer", QUOTA_SCOPES, YamlNames.of(QuotaScope.ACCOUNT))),
                                Units.bytes(p.decimal("sizeCapMB", MEGABYTES, 0)),
                                Units.bytes(p.decimal("selfHostedSizeCapMB", MEGABYTES, 0)),
                                Units.millis(p.decimal("minSeconds", SECONDS, 0)),
                                Units.millis(p.decimal("maxSeconds", SECONDS, 0)),
                                Units.millis(p.decimal("shortsMaxSeconds", SECONDS, 0)),
                                p.bool("branding", true)))
                .filter(p -> platform != null);
    }

    private Destination destination(String name, String file, MapReader d) {
        Platform platform = YamlNames.parse(Platform.class, d.oneOf("platform", PLATFORMS));
        String account = d.text("account");
        Credentials credentials =
                d.confidentialMap("credentials", this::credentials).orElse(null);
        String rendition = d.text("rendition");
        TextFormat title = d.parsed("title", TextFormat::parse);
        TextFormat caption = d.parsed("caption", TextFormat::parse, null);
        List<String> hashtags = d.list("hashtags", false, DestinationBinder::hashtag);
        String link = d.parsed("link", DestinationBinder::link, null);
        Takes takes = d.map("takes", this::takes).orElse(null);
        PlatformLimits limits =
                platform == null ? null : this.limits.getOrDefault(platform, PlatformLimits.none(platform));
        Quota quota = d.map("quota", q -> quota(q, name, limits, account)).orElse(null);
        Privacy privacy = YamlNames.parse(Privacy.class, d.oneOf("privacy", PRIVACIES));
        boolean approval = d.bool("approval");
        boolean localBotApi = d.bool("localBotApi", false);
        boolean shorts = d.bool("shorts", false);
        refuseSecrets(d);
        if (localBotApi && platform != null && platform != Platform.TELEGRAM) {
            d.reject("localBotApi", "only a telegram destination can upload through a local Bot API server");
        }
        if (platform == Platform.WEBHOOK && !account.isEmpty() && !isWebAddress(account)) {
            d.reject(
                    "account",
                    "a webhook destination's account is the URL it posts to, such as"
                            + " https://example.com/hookline");
        }
        if (shorts && platform != null && platform != Platform.YOUTUBE) {
            d.reject("shorts", "only a youtube destination posts Shorts");
        }
        if (limits != null && privacy != null && !limits.privacy().contains(privacy)) {
            d.report(
                    "privacy",
                    platform(limits) + " has no " + YamlNames.of(privacy) + " posts; it has "
                            + String.join(
                                    ", ",
                                    limits.privacy().stream().map(YamlNames::of).toList())
                            + source(limits, "privacy"));
        }
        checkRendition(d, rendition, limits, localBotApi, shorts);
        return new Destination(
                name,
                file,
                platform,
                account,
                credentials,
                rendition,
                title,
                caption == null ? new TextFormat("") : caption,
                hashtags,
                link == null ? "" : link,
                takes,
                quota,
                privacy,
                approval,
                localBotApi,
                shorts);
    }

    private void checkRendition(MapReader d, String name, PlatformLimits limits, boolean localBotApi, boolean shorts) {
        if (name.isEmpty()) {
            return;
        }
        RenditionProfile rendition = renditions.get(name);
        if (rendition == null) {
            Inheritance.Resolved declared = declaredRenditions.get(name);
            if (declared == null) {
                d.report(
                        "rendition",
                        "no rendition named '" + name + "' in profiles/*.yaml"
                                + Suggestions.closest(name, renditions.keySet())
                                        .map(r -> "; did you mean '" + r + "'?")
                                        .orElse("; known: "
                                                + String.join(
                                                        ", ",
                                                        renditions.keySet().stream()
                                                                .sorted()
                                                                .toList())));
            } else if (RenditionBinder.isAbstract(declared.effective())) {
                d.report(
                        "rendition",
                        "'" + name + "' is abstract (a base for other renditions), so it is never "
                                + "rendered; name a rendition that extends it");
            }
            // Otherwise the rendition has problems of its own, already reported.
            return;
        }
        if (limits == null) {
            return;
        }
        GraphicsTemplate template = templates.get(rendition.graphics());
        for (String problem : PlatformRules.check(limits, rendition, template, localBotApi, shorts)) {
            d.report("rendition", problem);
        }
    }

    private Credentials credentials(MapReader c) {
        Map<String, String> given = new LinkedHashMap<>();
        for (String key : CREDENTIAL_KEYS) {
            String value = c.optionalText(key);
            if (!value.isEmpty()) {
                given.put(key, value);
            }
        }
        refuseSecrets(c);
        if (given.isEmpty()) {
            context.problem(
                    c.location(),
                    "credentials: name where the secret is kept with exactly one of env "
                            + "(an environment variable), file (an absolute path) or awsSecret (a Secrets Manager name or ARN)");
            return null;
        }
        List<String> keys = List.copyOf(given.keySet());
        keys.stream()
                .skip(1)
                .forEach(key ->
                        c.report(key, "give only one of env, file or awsSecret; " + keys.get(0) + " is given too"));
        String key = keys.get(0);
        String value = given.get(key);
        boolean valid = switch (key) {
            case "env" -> ENV_NAME.matcher(value).matches();
            case "file" -> value.startsWith("/");
            default -> AWS_SECRET.matcher(value).matches();
        };
        if (!valid) {
            c.reject(
                    key,
                    switch (key) {
                        case "env" ->
                            "expected the name of an environment variable in capitals, such as "
                                    + "HOOKLINE_YOUTUBE_TOKEN, not the secret itself";
                        case "file" ->
                            "expected the absolute path of the file that holds the secret, such as "
                                    + "/var/run/secrets/hookline/youtube, not the secret itself";
                        default -> "expected the name or ARN of a Secrets Manager secret, not the secret itself";
                    });
            return null;
        }
        return new Credentials(
                YamlNames.parse(Credentials.Source.class, key.equals("awsSecret") ? "aws-secret" : key), value);
    }

    private Takes takes(MapReader t) {
        List<ClipKind> kinds = t.list("kinds", true, text -> YamlNames.parse(ClipKind.class, oneOf(text, CLIP_KINDS)));
        refuseSecrets(t);
        return new Takes(
                kinds.stream().distinct().toList(),
                // Scores are a play's weight times its context multipliers plus media bonuses: a few at most.
                t.decimal("minScore", Range.of(0, 100), 0),
                t.integer("topPerMatch", Range.of(0, 10_000), 0));
    }

    /**
     * A platform's posting limit is a hard one: posts beyond it are refused, so a quota over it is an error
     * rather than a warning. The limit is data: when a platform grants more (YouTube raises a project's quota
     * on request), the editor raises the platform's postsPer24h, with a comment saying so.
     */
    private Quota quota(MapReader q, String name, PlatformLimits limits, String account) {
        int posts = q.integer("postsPer24h", Range.of(1, 100_000));
        double spacing = q.decimal("spacingSeconds", SECONDS);
        refuseSecrets(q);
        if (limits != null && limits.postsPer24h() > 0 && posts > 0) {
            boolean project = limits.quotaPer() == QuotaScope.PROJECT;
            String owner = limits.platform() + (project ? "" : "/" + account);
            int before = quotaTaken.getOrDefault(owner, 0);
            List<String> others = quotaTakers.computeIfAbsent(owner, o -> new ArrayList<>());
            if (before + posts > limits.postsPer24h()) {
                String shared = others.isEmpty()
                        ? ""
                        : "; " + String.join(", ", others) + " already take " + before + " of them";
                q.reject(
                        "postsPer24h",
                        platform(limits) + " takes at most " + limits.postsPer24h()
                                + " posts in 24 hours per " + (project ? "API project" : "account") + shared
                                + source(limits, "postsPer24h"));
            }
            quotaTaken.put(owner, before + posts);
            others.add(name);
        }
        return new Quota(posts, Units.millis(spacing));
    }

    private void refuseSecrets(MapReader map) {
        map.refuse(
                key -> SECRET_KEY
                        .matcher(key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", ""))
                        .matches(),
                key -> "'" + key + "' looks like a secret written into the profile (its value is not shown). Never "
                        + "write a secret here: say where it is kept, with credentials: {env: VAR_NAME}, {file: /path} "
                        + "or {awsSecret: NAME}; remove it, and replace the secret if this file was ever shared");
    }

    private static String oneOf(String text, List<String> allowed) {
        if (!allowed.contains(text)) {
            throw new IllegalArgumentException("must be one of " + String.join(", ", allowed));
        }
        return text;
    }

    /** A tag as the platform shows it, without the '#' (which YAML reads as a comment unless quoted). */
    private static String hashtag(String text) {
        if (!HASHTAG.matcher(text).matches()) {
            throw new IllegalArgumentException("expected a tag of letters, digits and '_', such as basketball");
        }
        return text.startsWith("#") ? text.substring(1) : text;
    }

    private static String link(String text) {
        if (isWebAddress(text)) {
            return text;
        }
        throw new IllegalArgumentException("expected a web address such as https://example.com/match");
    }

    private static boolean isWebAddress(String text) {
        try {
            URI uri = new URI(text);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    static String platform(PlatformLimits limits) {
        return YamlNames.of(limits.platform());
    }

    /** Where a platform fact came from, for messages. */
    static String source(PlatformLimits limits, String key) {
        return limits.file().isEmpty()
                ? ""
                : " (" + PLATFORMS_KEY + "." + platform(limits) + "." + key + " in " + limits.file() + ")";
    }
}
