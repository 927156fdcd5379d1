package io.hookline.publish.emulator;

/**
 * A request the platform would refuse. Thrown from a handler; the emulator turns it into the platform's own
 * error shape, so handlers read as a list of the documented checks.
 *
 * @see EmulatorServer#error(int, String, String)
 */
final class Refusal extends RuntimeException {
    final int status;
    final String code;

    Refusal(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }
}
