package io.tvbridge.core.store;

import io.tvbridge.broker.spi.BrokerJournal;
import io.tvbridge.broker.spi.FileBrokerJournal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A broker's {@link BrokerJournal} kept in the store ({@code broker_journal}), for a database several
 * daemons share: the daemon that takes over after a failover reads the lines the last one wrote. Each
 * line is a committed insert of its own, checked by the engine's {@link CommitFence} just before the
 * commit, so that a daemon that lost the engine lease adds nothing after the next one has read the
 * journal.
 */
public final class StoreBrokerJournal implements BrokerJournal {
    /** What a journal file taken over by the database is renamed with. */
    public static final String SET_ASIDE = ".before-database";
    private static final Logger log = LoggerFactory.getLogger(StoreBrokerJournal.class);

    private final Store store;
    private final CommitFence fence;
    private final Clock clock;
    private final String broker;
    private final String name;
    private volatile boolean closed;

    private StoreBrokerJournal(Store store, CommitFence fence, Clock clock, String broker, String name) {
        this.store = Objects.requireNonNull(store, "store");
        this.fence = Objects.requireNonNull(fence, "fence");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.broker = Objects.requireNonNull(broker, "broker");
        this.name = BrokerJournal.requireName(name);
    }

    /**
     * {@code broker}'s journal {@code name} in {@code store}. A journal the broker kept as a file in
     * {@code stateDirectory} before (on H2, or with an earlier tvbridge) is taken over: when the
     * database holds none of its lines yet, the file's lines are copied in first, in one transaction,
     * so the broker goes on from them. The file, no longer read or written, is then renamed
     * {@code <name>.log}{@value #SET_ASIDE}, so that nobody takes it for the live journal.
     */
    public static StoreBrokerJournal open(Store store, CommitFence fence, Clock clock, String broker, String name,
                                          Path stateDirectory) {
        StoreBrokerJournal journal = new StoreBrokerJournal(store, fence, clock, broker, name);
        journal.takeOver(stateDirectory.resolve(FileBrokerJournal.fileName(name)));
        return journal;
    }

    private void takeOver(Path file) {
        if (!Files.exists(file)) {
            return;
        }
        List<String> lines = FileBrokerJournal.read(file);
        boolean copied = store.inTransaction(session -> {
            if (lines.isEmpty() || session.journalSize(broker, name) > 0) {
                return false;
            }
            session.appendJournalLines(broker, name, lines, clock.instant());
            fence.check(session);
            return true;
        });
        Path setAside = file.resolveSibling(file.getFileName() + SET_ASIDE);
        if (copied) {
            log.info("broker {}: the {} lines of its journal {} were copied into the {} database, where the journal"
                    + " is kept from now on; the file is renamed {}", broker, lines.size(), file, store.kind(),
                    setAside.getFileName());
        } else {
            log.warn("broker {}: its journal is kept in the {} database, which has it already: the file {} is not"
                    + " used, and renamed {}", broker, store.kind(), file, setAside.getFileName());
        }
        try {
            Files.move(file, setAside, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            log.warn("broker {}: cannot rename {}: {}; it is not used", broker, file, e.getMessage());
        }
    }

    @Override
    public synchronized void append(String line) {
        BrokerJournal.requireLine(line);
        if (closed) {
            throw new IllegalStateException("the journal " + this + " is closed");
        }
        store.inTransaction(session -> {
            long seq = session.appendJournalLines(broker, name, List.of(line), clock.instant());
            fence.check(session);
            return seq;
        });
    }

    @Override
    public List<String> lines() {
        return store.inTransaction(session -> session.journalLines(broker, name));
    }

    /** The store stays open: it is the daemon's. */
    @Override
    public void close() {
        closed = true;
    }

    @Override
    public String toString() {
        return "broker_journal " + broker + "/" + name + " in the " + store.kind() + " database";
    }
}
