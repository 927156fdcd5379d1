package io.hookline.profiles;

import java.io.Serializable;

/**
 * The graphics a rendition draws over its picture, from {@code graphics/*.yaml}. Every element is placed
 * inside the rendition's {@link SafeZone} by its {@link Anchor}, and sized as a share of the frame height,
 * so one template fits every frame shape. An element is {@code null} when the template leaves it out or
 * switches it off.
 *
 * @param name unique across the graphics files; renditions refer to it
 * @param file the YAML file it came from, for messages
 * @param scoreBug the score at that moment, shown throughout
 * @param lowerThird the player and the action, for the first seconds of the play
 * @param branding a logo or sponsor image, shown throughout
 * @param caption the event's description from the feed
 * @param intro a card before the clip
 * @param outro a card after the clip
 */
public record GraphicsTemplate(
        String name,
        String file,
        ScoreBug scoreBug,
        LowerThird lowerThird,
        Branding branding,
        Caption caption,
        Card intro,
        Card outro)
        implements Serializable {

    /**
     * How a text element is drawn.
     *
     * @param font a font family name, e.g. {@code DejaVu Sans}
     * @param text the letters' colour
     * @param background the colour of the box behind the letters (of the whole card for intro and outro)
     */
    public record TextStyle(String font, Color text, Color background) implements Serializable {}

    /** @param height share of the frame height, e.g. 0.045 */
    public record ScoreBug(Anchor anchor, double height, TextStyle style) implements Serializable {}

    /**
     * @param height share of the frame height
     * @param durationMs how long it stays up, from the first frame after the hook
     * @param text e.g. {@code "{ACTION} — {player}"}
     */
    public record LowerThird(Anchor anchor, double height, long durationMs, TextFormat text, TextStyle style)
            implements Serializable {}

    /**
     * @param height the image's height as a share of the frame height; its width follows its aspect ratio
     * @param opacity 0 (invisible) to 1 (opaque)
     */
    public record Branding(ImageFile image, Anchor anchor, double height, double opacity) implements Serializable {}

    /**
     * @param height share of the frame height of one line of text
     * @param source where the text comes from; {@code description}: the event's description in the feed
     */
    public record Caption(Anchor anchor, double height, String source, TextStyle style) implements Serializable {}

    /**
     * A full-frame card.
     *
     * @param durationMs how long it shows
     * @param height share of the frame height of one line of text
     * @param text e.g. {@code "{home} {score} {away}"}
     * @param style the text's font and colour, and the card's background
     * @param image an image centred above the text, or {@code null}
     */
    public record Card(long durationMs, double height, TextFormat text, TextStyle style, ImageFile image)
            implements Serializable {}
}
