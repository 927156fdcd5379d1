package io.hookline.render.media;

/** A media operation failed; the message says what and where, in words an operator can act on. */
public class MediaException extends RuntimeException {
    public MediaException(String message) {
        super(message);
    }

    public MediaException(String message, Throwable cause) {
        super(message, cause);
    }
}
