package io.hookline.publish.http;

import java.io.IOException;

/**
 * A call the platform certainly did not act on: the connection never opened, or the platform answered it
 * with a status that says "try later" (429, 5xx) until the attempts ran out. Any other broken call may have
 * reached the platform, which matters for a post call that cannot be repeated blindly.
 */
public final class NotSentException extends IOException {
    public NotSentException(String message) {
        super(message);
    }
}
