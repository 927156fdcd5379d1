package io.hookline.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BackgroundPriorityTest {

    @Test
    void aLoweredThreadAndTheThreadsItStartsRunNicerWhileOthersKeepTheirPriority() throws Exception {
        AtomicInteger lowered = new AtomicInteger(-1);
        AtomicInteger child = new AtomicInteger(-1);
        Thread t = new Thread(() -> {
            BackgroundPriority.lowerCurrentThread();
            lowered.set(niceOfCurrentThread());
            Thread c = new Thread(() -> child.set(niceOfCurrentThread()));
            c.start();
            try {
                c.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        t.start();
        t.join();

        int own = niceOfCurrentThread();
        assertThat(lowered.get()).isEqualTo(Math.min(19, own + BackgroundPriority.NICE));
        assertThat(child.get()).isEqualTo(lowered.get());
        assertThat(niceOfCurrentThread()).isEqualTo(own);
    }

    /** Field 19 of /proc/thread-self/stat, counted after the command name's closing parenthesis. */
    private static int niceOfCurrentThread() {
        try {
            String stat = Files.readString(Path.of("/proc/thread-self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Integer.parseInt(fields[16]);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
