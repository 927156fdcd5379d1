package io.hookline.cli;

import io.hookline.profiles.DestinationSet;
import io.hookline.profiles.Platform;
import io.hookline.publish.Publishers;
import io.hookline.publish.http.Backoff;
import io.hookline.publish.http.HttpCalls;
import io.hookline.publish.http.RetryingHttp;
import io.hookline.publish.http.Sleeper;
import io.hookline.publish.instagram.InstagramPublisher;
import io.hookline.publish.instagram.InstagramSettings;
import io.hookline.publish.telegram.TelegramPublisher;
import io.hookline.publish.tiktok.TikTokPublisher;
import io.hookline.publish.tiktok.TikTokSettings;
import io.hookline.publish.webhook.WebhookPublisher;
import io.hookline.publish.whatsapp.Recipients;
import io.hookline.publish.whatsapp.WhatsAppPublisher;
import io.hookline.publish.x.XPublisher;
import io.hookline.publish.youtube.YouTubePublisher;
import io.hookline.publish.youtube.YouTubeSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The publisher of every platform that has one, pointed at each platform's API (or where --api-url says). */
final class PlatformPublishers {
    static final Map<String, URI> DEFAULT_BASES = Map.of(
            "youtube",
            YouTubeSettings.API,
            "instagram",
            InstagramSettings.GRAPH,
            "tiktok",
            TikTokSettings.API,
            "x",
            URI.create("https://api.x.com"),
            "telegram",
            URI.create("https://api.telegram.org"),
            "whatsapp",
            URI.create("https://graph.facebook.com/v21.0"));
    private static final List<String> KNOWN =
            List.of("youtube", "instagram", "tiktok", "x", "telegram", "telegram-local", "whatsapp");
    private static final Duration UPLOAD_TIMEOUT = Duration.ofMinutes(10);

    private final Map<String, URI> bases;
    private final URI mediaUrl;
    private final int xSegmentBytes;
    private final Recipients recipients;
    private final String whatsappTemplate;
    private final String whatsappLanguage;

    /** @param mediaUrl where Instagram can fetch the clips, or null to upload them */
    PlatformPublishers(
            Map<String, URI> bases,
            URI mediaUrl,
            int xSegmentBytes,
            Recipients recipients,
            String whatsappTemplate,
            String whatsappLanguage) {
        for (String platform : bases.keySet()) {
            if (!KNOWN.contains(platform)) {
                throw new IllegalArgumentException(
                        "--api-url: no platform '" + platform + "'; known: " + String.join(", ", KNOWN));
            }
        }
        if (xSegmentBytes <= 0 || xSegmentBytes > 5 * 1024 * 1024) {
            throw new IllegalArgumentException("--x-segment-kb: X takes segments of 1 to 5120 KB");
        }
        this.bases = Map.copyOf(bases);
        this.mediaUrl = mediaUrl;
        this.xSegmentBytes = xSegmentBytes;
        this.recipients = recipients;
        this.whatsappTemplate = whatsappTemplate;
        this.whatsappLanguage = whatsappLanguage;
    }

    /** Each publisher holds to the limits the destination files give its platform. */
    Publishers of(DestinationSet set) {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();
        RetryingHttp http = new RetryingHttp(client, Backoff.standard(), Sleeper.REAL);
        HttpCalls calls = HttpCalls.of(client, Backoff.standard(), Sleeper.REAL);
        InstagramSettings instagram = InstagramSettings.defaults().withGraphUrl(base("instagram"));
        return new Publishers()
                .with(Platform.WEBHOOK, new WebhookPublisher(http, UPLOAD_TIMEOUT))
                .with(
                        Platform.YOUTUBE,
                        new YouTubePublisher(calls, YouTubeSettings.defaults().withBaseUrl(base("youtube"))))
                .with(
                        Platform.INSTAGRAM,
                        new InstagramPublisher(calls, mediaUrl == null ? instagram : instagram.withMediaUrl(mediaUrl)))
                .with(
                        Platform.TIKTOK,
                        new TikTokPublisher(calls, TikTokSettings.defaults().withBaseUrl(base("tiktok"))))
                .with(
                        Platform.X,
                        new XPublisher(http, base("x"), xSegmentBytes, set.limits(Platform.X), UPLOAD_TIMEOUT))
                .with(
                        Platform.TELEGRAM,
                        new TelegramPublisher(
                                http,
                                base("telegram"),
                                Optional.ofNullable(bases.get("telegram-local")),
                                set.limits(Platform.TELEGRAM),
                                UPLOAD_TIMEOUT))
                .with(
                        Platform.WHATSAPP,
                        new WhatsAppPublisher(
                                http,
                                base("whatsapp"),
                                recipients,
                                whatsappTemplate,
                                whatsappLanguage,
                                set.limits(Platform.WHATSAPP),
                                UPLOAD_TIMEOUT));
    }

    private URI base(String platform) {
        return bases.getOrDefault(platform, DEFAULT_BASES.get(platform));
    }
}
