package io.hookline.publish;

/** The platform refused for good (a 4xx other than 429, a rejected file): retrying would not help. */
public final class PublishRefusedException extends Exception {
    public PublishRefusedException(String message) {
        super(message);
    }
}
