package io.hookline.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hookline.console.MatchView.Progress;
import io.javalin.http.sse.SseClient;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Server-sent progress: one thread looks at the output folder every poll interval and sends each match whose
 * numbers changed, as an event {@code progress} with the texts the pages show, to every page listening (the
 * matches page to all matches, a match's page to its own).
 */
final class ProgressFeed implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProgressFeed.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Each open page, and the match it follows (null for all). */
    private final Map<SseClient, String> clients = new ConcurrentHashMap<>();

    private final Map<String, Progress> last = new HashMap<>();
    private final MatchRoutes matches;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "console-progress");
        t.setDaemon(true);
        return t;
    });

    ProgressFeed(MatchRoutes matches, Duration poll) {
        this.matches = matches;
        timer.scheduleWithFixedDelay(this::poll, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
    }

    void follow(SseClient client, String matchId) {
        client.keepAlive();
        client.onClose(() -> clients.remove(client));
        clients.put(client, matchId == null ? "" : Ids.require(matchId, "match id"));
        client.sendComment("following " + (matchId == null ? "all matches" : matchId));
    }

    private void poll() {
        try {
            if (clients.isEmpty()) {
                return;
            }
            List<Progress> now = matches.progress();
            for (Progress p : now) {
                if (!p.equals(last.put(p.matchId(), p))) {
                    String event = event(p);
                    clients.forEach((client, follows) -> {
                        if (follows.isEmpty() || follows.equals(p.matchId())) {
                            client.sendEvent("progress", event);
                        }
                    });
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not read the output folder for progress: {}", e.toString());
        }
    }

    private static String event(Progress p) {
        ObjectNode o = JSON.createObjectNode()
                .put("matchId", p.matchId())
                .put("state", p.state())
                .put("clips", MatchesPage.clips(p))
                .put("renditions", MatchesPage.renditions(p))
                .put("failed", p.failed())
                .put("deadLetters", p.deadLetters())
                .put("profileVersion", p.profileVersion());
        o.put("row", MatchesPage.row(p));
        return o.toString();
    }

    @Override
    public void close() {
        timer.shutdownNow();
        clients.keySet().forEach(SseClient::close);
    }
}
