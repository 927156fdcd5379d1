package io.hookline.publish.emulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The parts of a multipart/form-data body (RFC 7578), enough for the platforms' upload forms. */
final class Multipart {
    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
    private static final Pattern NAME = Pattern.compile("[; ]name=\"([^\"]*)\"");
    private static final Pattern FILENAME = Pattern.compile("filename=\"([^\"]*)\"");

    /** One part; {@code filename} is empty for a plain field. */
    record Part(String name, Optional<String> filename, String contentType, byte[] data) {
        String text() {
            return new String(data, StandardCharsets.UTF_8);
        }
    }

    private final List<Part> parts;

    private Multipart(List<Part> parts) {
        this.parts = parts;
    }

    Optional<Part> part(String name) {
        return parts.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    Optional<String> field(String name) {
        return part(name).filter(p -> p.filename().isEmpty()).map(Part::text);
    }

    List<String> names() {
        return parts.stream().map(Part::name).toList();
    }

    static Multipart parse(String contentType, byte[] body) {
        Matcher boundary = BOUNDARY.matcher(contentType == null ? "" : contentType);
        if (contentType == null
                || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")
                || !boundary.find()) {
            throw new Refusal(400, "invalid_request", "expected multipart/form-data with a boundary");
        }
        byte[] delimiter = ("--" + boundary.group(1)).getBytes(StandardCharsets.ISO_8859_1);
        List<Part> parts = new ArrayList<>();
        int at = indexOf(body, delimiter, 0);
        while (at >= 0) {
            int start = at + delimiter.length;
            if (start + 1 < body.length && body[start] == '-' && body[start + 1] == '-') {
                return new Multipart(parts); // the closing delimiter
            }
            int next = indexOf(body, delimiter, start);
            if (next < 0) {
                break;
            }
            parts.add(part(Arrays.copyOfRange(body, start + 2, next - 2))); // strip CRLF on both sides
            at = next;
        }
        throw new Refusal(400, "invalid_request", "the multipart body has no closing boundary");
    }

    private static Part part(byte[] raw) {
        int split = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
        if (split < 0) {
            throw new Refusal(400, "invalid_request", "a multipart part has no header block");
        }
        String name = null;
        Optional<String> filename = Optional.empty();
        String type = "text/plain";
        for (String line : new String(raw, 0, split, StandardCharsets.UTF_8).split("\r\n")) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-disposition:")) {
                Matcher n = NAME.matcher(line);
                name = n.find() ? n.group(1) : null;
                Matcher f = FILENAME.matcher(line);
                filename = f.find() ? Optional.of(f.group(1)) : Optional.empty();
            } else if (lower.startsWith("content-type:")) {
                type = line.substring("content-type:".length()).trim();
            }
        }
        if (name == null) {
            throw new Refusal(400, "invalid_request", "a multipart part has no name");
        }
        return new Part(name, filename, type, Arrays.copyOfRange(raw, split + 4, raw.length));
    }

    private static int indexOf(byte[] data, byte[] target, int from) {
        outer:
        for (int i = from; i <= data.length - target.length; i++) {
            for (int j = 0; j < target.length; j++) {
                if (data[i + j] != target[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
