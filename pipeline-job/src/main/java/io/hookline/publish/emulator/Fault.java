package io.hookline.publish.emulator;

/** A failure an emulator can inject in place of its normal answer. */
public enum Fault {
    /** 429 with a Retry-After header, in the platform's error shape. */
    TOO_MANY_REQUESTS,
    /** 503, which every platform documents as retryable. */
    SERVER_ERROR,
    /** Half of the request body is read, then the connection is closed without an answer. */
    DROPPED_CONNECTION
}
