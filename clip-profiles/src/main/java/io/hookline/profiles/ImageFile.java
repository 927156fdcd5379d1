package io.hookline.profiles;

import java.io.Serializable;
import java.util.Arrays;

/**
 * An image a graphics template shows, read when the profiles load: the renderer gets the bytes with the
 * profile set, so it needs no access to the editors' directory (or the jar the set was bundled in).
 *
 * @param path relative to the profile set's root, as the template names it, e.g. {@code graphics/hookline.png}
 * @param bytes the PNG or JPEG file's content
 */
public record ImageFile(String path, byte[] bytes) implements Serializable {

    public ImageFile {
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ImageFile image && image.path.equals(path) && Arrays.equals(image.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return 31 * path.hashCode() + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return path + " (" + bytes.length + " bytes)";
    }
}
