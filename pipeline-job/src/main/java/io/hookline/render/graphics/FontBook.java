package io.hookline.render.graphics;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The fonts installed on the machine, read from their files (no font configuration needed on a headless
 * server). A profile names a family; letters it lacks (an emoji, a script it does not cover) come from the
 * first other installed font that has them, so feed text is always drawn as written.
 */
final class FontBook {
    /** Where Debian and most Linux systems keep fonts; HOOKLINE_FONTS adds a directory of the user's. */
    private static final List<Path> DIRECTORIES = directories();

    private static final FontBook INSTALLED = new FontBook(DIRECTORIES);

    private final List<Font> fonts;

    private FontBook(List<Path> directories) {
        this.fonts = load(directories);
    }

    static FontBook installed() {
        return INSTALLED;
    }

    /**
     * The font of a family, bold when the family has a bold face (graphics read better bold).
     *
     * @throws IllegalStateException naming the family and where fonts were looked for, when none is installed
     */
    Font family(String name) {
        Font regular = null;
        for (Font f : fonts) {
            if (f.getFamily(Locale.ROOT).equalsIgnoreCase(name)) {
                if (f.isBold()
                        || f.getFontName(Locale.ROOT).toLowerCase(Locale.ROOT).endsWith("bold")) {
                    return f;
                }
                regular = regular == null
                                || f.getFontName(Locale.ROOT).length()
                                        < regular.getFontName(Locale.ROOT).length()
                        ? f
                        : regular;
            }
        }
        if (regular == null) {
            throw new IllegalStateException("font family '" + name + "' is not installed (looked in " + DIRECTORIES
                    + "); on Debian: apt-get install fonts-dejavu-core");
        }
        return regular;
    }

    /** A font that can draw this code point, preferring {@code primary}; {@code primary} when none can. */
    Font forCodePoint(Font primary, int codePoint) {
        if (primary.canDisplay(codePoint)) {
            return primary;
        }
        for (Font f : fonts) {
            if (f.canDisplay(codePoint)) {
                return f;
            }
        }
        return primary;
    }

    private static List<Path> directories() {
        List<Path> dirs = new ArrayList<>();
        String extra = System.getenv("HOOKLINE_FONTS");
        if (extra != null && !extra.isBlank()) {
            dirs.add(Path.of(extra));
        }
        dirs.add(Path.of("/usr/share/fonts"));
        dirs.add(Path.of("/usr/local/share/fonts"));
        return dirs;
    }

    private static List<Font> load(List<Path> directories) {
        Map<String, Font> byName = new LinkedHashMap<>();
        for (Path dir : directories) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                files.filter(p -> p.toString().toLowerCase(Locale.ROOT).matches(".*\\.(ttf|otf)"))
                        .sorted()
                        .forEach(p -> read(p).ifPresent(f -> byName.putIfAbsent(f.getFontName(Locale.ROOT), f)));
            } catch (IOException e) {
                // An unreadable directory just has no fonts for us.
            }
        }
        return List.copyOf(byName.values());
    }

    private static Optional<Font> read(Path file) {
        try {
            return Optional.of(Font.createFont(Font.TRUETYPE_FONT, file.toFile()));
        } catch (FontFormatException | IOException e) {
            return Optional.empty();
        }
    }
}
