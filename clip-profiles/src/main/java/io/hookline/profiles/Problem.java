package io.hookline.profiles;

import java.io.Serializable;

/**
 * One thing wrong with the editors' YAML: where it is and what is wrong.
 *
 * @param file the file, relative to the profile set's root, e.g. {@code profiles/youtube.yaml}
 * @param line 1-based; 0 when the problem concerns the file as a whole (missing, unreadable)
 * @param column 1-based; 0 when the line is 0
 * @param message what is wrong, naming the key it is about
 */
public record Problem(String file, int line, int column, String message) implements Serializable {

    static Problem at(YamlNode.Location where, String message) {
        return new Problem(where.file(), where.line(), where.column(), message);
    }

    /** The form editors and their tools know from compilers: {@code file:line:column: message}. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
