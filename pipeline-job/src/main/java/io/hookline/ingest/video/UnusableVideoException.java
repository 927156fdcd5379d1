package io.hookline.ingest.video;

import java.io.IOException;

/** A live video that can never be read as it is, so waiting for it to grow would not help. */
public class UnusableVideoException extends IOException {
    public UnusableVideoException(String message) {
        super(message);
    }
}
