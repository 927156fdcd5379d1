package io.hookline.publish.webhook;

import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The HMAC-SHA256 of a body fed in parts, so a large clip is signed without holding it in memory. */
final class HmacSha256 {
    private final Mac mac;

    HmacSha256(byte[] key) {
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    void update(byte[] bytes, int offset, int length) {
        mac.update(bytes, offset, length);
    }

    /** The header value receivers check: {@code sha256=<hex>}. */
    String signature() {
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal());
    }
}
