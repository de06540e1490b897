package io.tvbridge.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tvbridge.broker.spi.BrokerJournal;
import io.tvbridge.core.store.mybatis.MyBatisStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A broker's journal kept in the store, on H2 and PostgreSQL: each line committed as it is added, read
 * whole by the next daemon, behind the engine's fence, and taking over the file the broker kept before.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class StoreBrokerJournalTest {
    private static final Instant T0 = Instant.parse("2026-01-05T14:30:00Z");
    private static final CommitFence REFUSED = session -> {
        throw new LeaseLostException("the engine's lease is no longer ours");
    };

    @Parameter
    TestDatabase database;
    @TempDir
    Path folder;
    private MyBatisStore store;

    @BeforeEach
    void open() {
        store = database.open(folder, Clock.fixed(T0, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private StoreBrokerJournal journal(String machine, CommitFence fence) {
        return StoreBrokerJournal.open(store, fence, Clock.fixed(T0, ZoneOffset.UTC), "paper", "paper-journal",
                folder.resolve(machine));
    }

    /** The paper broker's journal {@code name} as another session reads it. */
    private List<String> stored(String name) {
        return store.inTransaction(s -> s.journalLines("paper", name));
    }

    @Test
    void eachLineIsCommittedAsItIsAddedAndTheNextDaemonReadsThemAll() {
        try (BrokerJournal first = journal("machine-a", CommitFence.NONE)) {
            first.append("event=priced\tsymbol=AAPL\tprice=100");
            first.append("event=placed\tid=a");
            // committed already: another session sees them before the journal is closed
            assertThat(stored("paper-journal")).hasSize(2);
        }
        try (BrokerJournal next = journal("machine-b", CommitFence.NONE)) {
            assertThat(next.lines()).containsExactly("event=priced\tsymbol=AAPL\tprice=100", "event=placed\tid=a");
            next.append("event=executed\tid=a");
            assertThat(next.lines()).hasSize(3).endsWith("event=executed\tid=a");
            assertThat(next.toString()).contains("paper/paper-journal").contains(store.kind());
        }
        assertThat(folder.resolve("machine-a")).doesNotExist();
        assertThat(stored("other")).isEmpty();
    }

    @Test
    void aDaemonThatLostTheLeaseAddsNothing() {
        try (BrokerJournal journal = journal("machine-a", CommitFence.NONE);
             BrokerJournal fenced = journal("machine-a", REFUSED)) {
            journal.append("kept");
            assertThatThrownBy(() -> fenced.append("refused")).isInstanceOf(LeaseLostException.class);
            assertThat(journal.lines()).containsExactly("kept");
        }
    }

    @Test
    void refusesLineBreaksAndAddingAfterItWasClosed() {
        BrokerJournal journal = journal("machine-a", CommitFence.NONE);
        assertThatThrownBy(() -> journal.append("two\nlines")).isInstanceOf(IllegalArgumentException.class);
        journal.close();
        assertThatThrownBy(() -> journal.append("late")).isInstanceOf(IllegalStateException.class);
        assertThat(stored("paper-journal")).isEmpty();
    }

    @Test
    void theFileJournalTheBrokerKeptBeforeIsCopiedInOnceAndSetAside() throws IOException {
        Path file = folder.resolve("machine-a").resolve("paper-journal.log");
        Files.createDirectories(file.getParent());
        String kept = "event=priced\tsymbol=AAPL\tprice=100\nevent=placed\tid=a\n";
        Files.writeString(file, kept + "event=exec", StandardCharsets.UTF_8);   // the last line never finished

        try (BrokerJournal journal = journal("machine-a", CommitFence.NONE)) {
            assertThat(journal.lines()).containsExactly("event=priced\tsymbol=AAPL\tprice=100", "event=placed\tid=a");
            journal.append("event=executed\tid=a");
        }
        Path setAside = file.resolveSibling("paper-journal.log" + StoreBrokerJournal.SET_ASIDE);
        assertThat(file).doesNotExist();
        assertThat(setAside).hasContent(kept + "event=exec");

        // an older file on another machine is not copied over what the database has
        Path older = folder.resolve("machine-b").resolve("paper-journal.log");
        Files.createDirectories(older.getParent());
        Files.writeString(older, "event=priced\tsymbol=OLD\tprice=1\n", StandardCharsets.UTF_8);
        try (BrokerJournal journal = journal("machine-b", CommitFence.NONE)) {
            assertThat(journal.lines()).containsExactly("event=priced\tsymbol=AAPL\tprice=100", "event=placed\tid=a",
                    "event=executed\tid=a");
        }
        assertThat(older).doesNotExist();
        assertThat(older.resolveSibling("paper-journal.log" + StoreBrokerJournal.SET_ASIDE)).exists();
    }

    @Test
    void aFileIsNotTakenOverByADaemonThatLostTheLease() throws IOException {
        Path file = folder.resolve("machine-a").resolve("paper-journal.log");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "event=priced\tsymbol=AAPL\tprice=100\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> journal("machine-a", REFUSED)).isInstanceOf(LeaseLostException.class);
        assertThat(file).exists();
        assertThat(stored("paper-journal")).isEmpty();
    }
}
