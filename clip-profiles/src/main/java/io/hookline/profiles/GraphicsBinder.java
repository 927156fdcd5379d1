package io.hookline.profiles;

import io.hookline.profiles.GraphicsTemplate.Branding;
import io.hookline.profiles.GraphicsTemplate.Caption;
import io.hookline.profiles.GraphicsTemplate.Card;
import io.hookline.profiles.GraphicsTemplate.LowerThird;
import io.hookline.profiles.GraphicsTemplate.ScoreBug;
import io.hookline.profiles.GraphicsTemplate.TextStyle;
import io.hookline.profiles.Inheritance.Resolved;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Binds one template of {@code graphics/*.yaml}, with its bases applied, to a {@link GraphicsTemplate}. Every
 * element is optional; one that is there is shown unless it says {@code enabled: false}, which is how a template
 * switches off an element of the template it extends. A switched-off element needs no other keys.
 */
final class GraphicsBinder {

    static final String TOP_KEY = "templates";

    static final List<String> ANCHORS = YamlNames.all(Anchor.values());
    static final List<String> CAPTION_SOURCES = List.of("description");
    // Sizes are shares of the frame height; half the frame is already more than any graphic should cover.
    private static final double MAX_HEIGHT = 0.5;

    private final Images images;

    GraphicsBinder(Images images) {
        this.images = images;
    }

    /** Checks name's effective declaration and binds it; empty when it could not be resolved. */
    Optional<GraphicsTemplate> bind(String name, Resolved resolved, ReadContext context) {
        String file = resolved.effective().location().file();
        Optional<GraphicsTemplate> template = MapReader.read(
                resolved.effective(),
                TOP_KEY + "." + name,
                context.inheriting(name, resolved.inherited()),
                !resolved.complete(),
                reader -> template(name, file, reader));
        return resolved.complete() ? template : Optional.empty();
    }

    private GraphicsTemplate template(String name, String file, MapReader template) {
        // Checked by Inheritance, which resolves it; read here so it counts as known and shows in explain.
        template.optionalText(Inheritance.EXTENDS);
        return new GraphicsTemplate(
                name,
                file,
                element(template, "scoreBug", this::scoreBug),
                element(template, "lowerThird", this::lowerThird),
                element(template, "branding", this::branding),
                element(template, "caption", this::caption),
                element(template, "intro", this::card),
                element(template, "outro", this::card));
    }

    private static <T> T element(MapReader template, String key, Function<MapReader, T> body) {
        return template.optionalMap(key, element -> {
                    boolean enabled = element.bool("enabled", true);
                    T bound = body.apply(enabled ? element : element.asPartial());
                    return enabled ? bound : null;
                })
                .orElse(null);
    }

    private ScoreBug scoreBug(MapReader bug) {
        return new ScoreBug(anchor(bug), height(bug), style(bug));
    }

    private LowerThird lowerThird(MapReader third) {
        return new LowerThird(
                anchor(third),
                height(third),
                Units.millis(third.decimal("seconds", Range.above(0, 30))),
                third.parsed("text", TextFormat::parse),
                style(third));
    }

    private Branding branding(MapReader branding) {
        return new Branding(
                branding.parsed("image", images::load),
                anchor(branding),
                height(branding),
                branding.decimal("opacity", Range.of(0, 1)));
    }

    private Caption caption(MapReader caption) {
        return new Caption(anchor(caption), height(caption), caption.oneOf("source", CAPTION_SOURCES), style(caption));
    }

    private Card card(MapReader card) {
        return new Card(
                Units.millis(card.decimal("seconds", Range.above(0, 10))),
                height(card),
                card.parsed("text", TextFormat::parse),
                style(card),
                card.parsed("image", images::load, null));
    }

    private static Anchor anchor(MapReader element) {
        return YamlNames.parse(Anchor.class, element.oneOf("anchor", ANCHORS));
    }

    private static double height(MapReader element) {
        Length height = element.parsed("height", Length::parsePercent);
        double fraction = height == null ? Double.NaN : height.fractionOf(0);
        if (fraction <= 0 || fraction > MAX_HEIGHT) {
            element.reject("height", "must be more than 0% and at most 50% of the frame height");
            return Double.NaN;
        }
        return fraction;
    }

    private static TextStyle style(MapReader element) {
        return new TextStyle(
                element.text("font"),
                element.parsed("textColor", Color::parse),
                element.parsed("backgroundColor", Color::parse));
    }
}
