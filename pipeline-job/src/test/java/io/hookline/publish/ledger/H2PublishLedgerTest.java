package io.hookline.publish.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ledger of a local run: H2 in a file. */
class H2PublishLedgerTest extends PublishLedgerContract {
    @TempDir
    Path dir;

    @Override
    protected LedgerDatabase database() {
        return LedgerDatabase.h2File(dir.resolve("ledger"));
    }

    @Override
    protected PublishLedger openLedger() {
        return JdbcPublishLedger.open(database(), clock);
    }

    @Test
    void theLedgerIsOneFileOnDisk() {
        moves().plan("clip-a");
        ledger.close();

        assertThat(dir.resolve("ledger.mv.db")).isRegularFile();
    }
}
