package io.hookline.publish;

/** A destination's credential cannot be read; the message names where it was looked for, never a value. */
public final class CredentialException extends Exception {
    public CredentialException(String message) {
        super(message);
    }
}
