package io.hookline.publish.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A generic webhook receiver: a multipart POST with a {@code metadata} JSON part and a {@code file} part,
 * signed with {@code X-Hookline-Signature: sha256=<hex HMAC-SHA256 of the whole body>} under a shared secret.
 * Each accepted delivery is recorded under the request path, so one receiver serves several hooks.
 */
public final class WebhookEmulator extends EmulatorServer {
    public static final String SIGNATURE_HEADER = "X-Hookline-Signature";

    private final byte[] secret;

    public WebhookEmulator(Clock clock, String secret) {
        super("webhook", clock);
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** The header value a sender must put on {@code body}. */
    public static String signature(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }

    @Override
    Reply handle(EmulatorRequest request) {
        if (!request.method.equals("POST")) {
            throw new Refusal(405, "method_not_allowed", "a webhook takes POST only");
        }
        String given = request.header(SIGNATURE_HEADER).orElse("");
        String expected = signature(new String(secret, StandardCharsets.UTF_8), request.body);
        // Constant-time, as a real receiver should compare.
        if (!MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8))) {
            throw new Refusal(401, "bad_signature", SIGNATURE_HEADER + " does not match the body");
        }
        Multipart form = request.multipart();
        JsonNode metadata = Json.read(form.part("metadata")
                .orElseThrow(() -> new Refusal(400, "missing_metadata", "the metadata part is missing"))
                .data());
        Multipart.Part file = form.part("file")
                .filter(p -> p.filename().isPresent())
                .orElseThrow(() -> new Refusal(400, "missing_file", "the file part is missing"));
        Map<String, String> fields = new HashMap<>();
        metadata.fields()
                .forEachRemaining(e -> fields.put(
                        e.getKey(),
                        e.getValue().isValueNode()
                                ? e.getValue().asText()
                                : e.getValue().toString()));
        String id = newId("delivery-");
        record(id, request.path, Media.sha256(file.data()), file.data().length, fields);
        return Reply.json(200, Json.obj("id", id));
    }

    @Override
    Reply error(int status, String code, String message) {
        return Reply.json(status, Json.obj("error", code, "message", message));
    }
}
