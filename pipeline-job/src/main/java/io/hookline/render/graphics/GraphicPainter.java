package io.hookline.render.graphics;

import io.hookline.profiles.Color;
import io.hookline.profiles.GraphicsTemplate.Card;
import io.hookline.profiles.GraphicsTemplate.TextStyle;
import io.hookline.profiles.ImageFile;
import java.awt.AlphaComposite;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.TextAttribute;
import java.awt.font.TextLayout;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.AttributedString;
import javax.imageio.ImageIO;

/**
 * Draws graphics as images with Java2D: text is laid out as text (any script, right-to-left included, each
 * letter from a font that has it) and is never parsed by anything, so feed text appears exactly as written.
 */
final class GraphicPainter {
    private static final double TEXT_SIZE = 0.62;
    private static final double PADDING = 0.35;
    private static final double CORNER = 0.25;

    private final FontBook fonts;

    GraphicPainter(FontBook fonts) {
        this.fonts = fonts;
    }

    /** How wide {@link #textBox} draws {@code text} when nothing limits its width. */
    int naturalWidth(String text, TextStyle style, int height) {
        TextLayout layout = layout(text, fonts.family(style.font()), (float) (height * TEXT_SIZE));
        return (int) Math.ceil(layout.getAdvance()) + 2 * (int) Math.round(height * PADDING);
    }

    /** A line of text on its box, {@code height} pixels high, at most {@code maxWidth} wide. */
    BufferedImage textBox(String text, TextStyle style, int height, int maxWidth) {
        Font font = fonts.family(style.font());
        float size = (float) (height * TEXT_SIZE);
        int pad = (int) Math.round(height * PADDING);
        TextLayout layout = layout(text, font, size);
        double width = layout.getAdvance();
        if (width + 2 * pad > maxWidth) {
            // Too long for the safe area: smaller letters rather than cut-off words.
            size *= (float) ((maxWidth - 2 * pad) / width);
            layout = layout(text, font, size);
            width = layout.getAdvance();
        }
        int w = (int) Math.ceil(width) + 2 * pad;
        BufferedImage image = new BufferedImage(Math.max(1, w), height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = graphics(image);
        g.setColor(awt(style.background()));
        g.fill(new RoundRectangle2D.Double(0, 0, w, height, height * CORNER, height * CORNER));
        g.setColor(awt(style.text()));
        float baseline = (float) ((height - layout.getAscent() - layout.getDescent()) / 2 + layout.getAscent());
        layout.draw(g, pad, baseline);
        g.dispose();
        return image;
    }

    /** An image scaled to {@code height} pixels, at {@code opacity}. */
    BufferedImage image(ImageFile file, int height, double opacity) {
        BufferedImage source = read(file);
        int width = Math.max(1, (int) Math.round(source.getWidth() * (double) height / source.getHeight()));
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = graphics(image);
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, (float) opacity));
        g.drawImage(source, 0, 0, width, height, null);
        g.dispose();
        return image;
    }

    /** A full-frame card: its background, its image (if any) and its line of text, centred. */
    BufferedImage card(Card card, String text, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = graphics(image);
        g.setColor(awt(card.style().background()));
        g.fillRect(0, 0, width, height);
        int line = (int) Math.round(card.height() * height);
        int textTop = (height - line) / 2;
        if (card.image() != null) {
            BufferedImage logo = image(card.image(), line * 2, 1);
            int logoWidth = Math.min(logo.getWidth(), width * 8 / 10);
            int logoHeight = logo.getHeight() * logoWidth / logo.getWidth();
            g.drawImage(logo, (width - logoWidth) / 2, textTop - logoHeight - line / 2, logoWidth, logoHeight, null);
        }
        BufferedImage words = textBox(
                text,
                new TextStyle(card.style().font(), card.style().text(), new Color(0, 0, 0, 0)),
                line,
                width * 9 / 10);
        g.drawImage(words, (width - words.getWidth()) / 2, textTop, null);
        g.dispose();
        return image;
    }

    /** Each letter gets the template's font, or the first installed font that has it. */
    private TextLayout layout(String text, Font font, float size) {
        String shown = text.isEmpty() ? " " : text;
        AttributedString attributed = new AttributedString(shown);
        for (int i = 0; i < shown.length(); ) {
            int cp = shown.codePointAt(i);
            int next = i + Character.charCount(cp);
            attributed.addAttribute(
                    TextAttribute.FONT, fonts.forCodePoint(font, cp).deriveFont(size), i, next);
            i = next;
        }
        FontRenderContext context = new FontRenderContext(null, true, true);
        return new TextLayout(attributed.getIterator(), context);
    }

    private static Graphics2D graphics(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        return g;
    }

    private static java.awt.Color awt(Color c) {
        return new java.awt.Color(c.red(), c.green(), c.blue(), c.alpha());
    }

    private static BufferedImage read(ImageFile file) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(file.bytes()));
            if (image == null) {
                throw new IOException("not an image ImageIO can read");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(file.path() + ": " + e.getMessage(), e);
        }
    }
}
