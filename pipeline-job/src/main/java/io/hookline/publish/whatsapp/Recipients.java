package io.hookline.publish.whatsapp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The subscribers who opted in to WhatsApp alerts: one number a line in international form (digits, an
 * optional leading {@code +}, spaces and dashes ignored), {@code #} starting a comment. Kept sorted, so a
 * fan-out that stopped after one number goes on with the next one, whatever order the file lists them in.
 */
public record Recipients(List<String> numbers) {
    private static final Pattern NUMBER = Pattern.compile("\\+?[0-9][0-9 -]{6,20}");

    public Recipients {
        numbers = List.copyOf(new TreeSet<>(numbers));
    }

    public static Recipients none() {
        return new Recipients(List.of());
    }

    /** Reads the list; a bad line is an error naming the file and line. */
    public static Recipients read(Path file) throws IOException {
        TreeSet<String> numbers = new TreeSet<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).replaceFirst("#.*", "").strip();
            if (line.isEmpty()) {
                continue;
            }
            if (!NUMBER.matcher(line).matches()) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": expected a phone number in international"
                        + " form, such as +44 7700 900123");
            }
            numbers.add(line.replaceAll("[^0-9]", ""));
        }
        return new Recipients(List.copyOf(numbers));
    }

    /** The first number after {@code last} (all when empty), or empty when none is left. */
    String after(String last) {
        return numbers.stream()
                .filter(n -> last.isEmpty() || n.compareTo(last) > 0)
                .findFirst()
                .orElse("");
    }
}
