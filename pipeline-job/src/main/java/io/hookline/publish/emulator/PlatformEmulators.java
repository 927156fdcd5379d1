package io.hookline.publish.emulator;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * Every platform emulator, each on its own loopback port, with the demo credentials below. Run it alone
 * ({@code main}) for an ops dry run: it prints each base URL and serves until stopped.
 */
public final class PlatformEmulators implements AutoCloseable {
    /** The one token every emulator accepts (a Telegram bot token, a Bearer or Graph token elsewhere). */
    public static final String TOKEN = "emulator-token";

    public static final String WEBHOOK_SECRET = "emulator-webhook-secret";
    public static final String TELEGRAM_CHAT = "@hookline_clips";
    public static final String WHATSAPP_OPTED_IN = "15550000001";
    public static final String WHATSAPP_TEMPLATE = "new_clip";

    private final List<EmulatorServer> servers;

    private PlatformEmulators(List<EmulatorServer> servers) {
        this.servers = servers;
    }

    public static PlatformEmulators start(Clock clock) throws IOException {
        List<EmulatorServer> servers = List.of(
                new YouTubeEmulator(clock, TOKEN, "UC-hookline-emulator"),
                new InstagramEmulator(clock, TOKEN),
                new TikTokEmulator(clock, TOKEN, "hookline-emulator"),
                new XEmulator(clock, TOKEN, "hookline_emulator"),
                new TelegramEmulator(clock, TOKEN, Set.of(TELEGRAM_CHAT)),
                new WhatsAppEmulator(clock, TOKEN, Set.of(WHATSAPP_OPTED_IN), Set.of(WHATSAPP_TEMPLATE)),
                new WebhookEmulator(clock, WEBHOOK_SECRET));
        PlatformEmulators all = new PlatformEmulators(servers);
        try {
            for (EmulatorServer server : servers) {
                server.start();
            }
        } catch (IOException | RuntimeException e) {
            all.close();
            throw e;
        }
        return all;
    }

    public List<EmulatorServer> servers() {
        return servers;
    }

    /** The emulator of one platform, by its class. */
    public <T extends EmulatorServer> T get(Class<T> type) {
        return servers.stream()
                .filter(type::isInstance)
                .map(type::cast)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no emulator " + type.getSimpleName()));
    }

    public Map<String, URI> baseUrls() {
        Map<String, URI> urls = new LinkedHashMap<>();
        servers.forEach(s -> urls.put(s.platform(), s.baseUrl()));
        return urls;
    }

    @Override
    public void close() {
        servers.forEach(EmulatorServer::close);
    }

    public static void main(String[] args) throws Exception {
        PlatformEmulators emulators = start(Clock.systemUTC());
        Runtime.getRuntime().addShutdownHook(new Thread(emulators::close));
        emulators.baseUrls().forEach((platform, url) -> System.out.printf("%-10s %s%n", platform, url));
        System.out.println("token " + TOKEN + ", webhook secret " + WEBHOOK_SECRET + ", telegram chat " + TELEGRAM_CHAT
                + ", whatsapp opted-in " + WHATSAPP_OPTED_IN + " (template " + WHATSAPP_TEMPLATE + ")");
        System.out.println("posts: GET <url>/_emulator/posts; stop with Ctrl-C");
        new CountDownLatch(1).await();
    }
}
