package io.hookline.console;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Passwords and tokens as the users file stores them: {@code pbkdf2-sha256$ITERATIONS$SALT$HASH}, salted and
 * slow to guess, so a leaked file does not give the passwords away.
 */
public final class PasswordHash {
    private static final String SCHEME = "pbkdf2-sha256";
    private static final int ITERATIONS = 210_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordHash() {}

    public static String hash(char[] password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return SCHEME + "$" + ITERATIONS + "$" + b64(salt) + "$" + b64(derive(password, salt, ITERATIONS));
    }

    /** True when {@code password} is the one {@code stored} was made from; a malformed entry never matches. */
    public static boolean matches(char[] password, String stored) {
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !parts[0].equals(SCHEME)) {
            return false;
        }
        int iterations = Integer.parseInt(parts[1]);
        byte[] expected = Base64.getDecoder().decode(parts[3]);
        byte[] actual = derive(password, Base64.getDecoder().decode(parts[2]), iterations);
        return MessageDigest.isEqual(expected, actual);
    }

    /** Whether a users-file entry has this scheme's shape, so a plain-text password there is refused at start. */
    static boolean wellFormed(String stored) {
        String[] parts = stored.split("\\$");
        return parts.length == 4
                && parts[0].equals(SCHEME)
                && parts[1].matches("[1-9][0-9]{3,7}")
                && parts[2].matches("[A-Za-z0-9+/=]+")
                && parts[3].matches("[A-Za-z0-9+/=]+");
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(password, salt, iterations, 256))
                    .getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is missing from this JVM", e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
