package io.hookline.ingest;

/** A feed record that cannot be read; the message says which field and what is wrong with it. */
public class FeedException extends Exception {
    public FeedException(String message) {
        super(message);
    }
}
