package io.tvbridge.broker.spi;

import java.nio.file.Path;
import java.time.Clock;

/** What tvbridge gives a broker: the only way back into the host. */
public interface BrokerContext {

    /** The clock to stamp events with; tests move it by hand. */
    Clock clock();

    /** Where to report order updates, fills and connection changes. */
    BrokerListener listener();

    /**
     * A directory of the broker's own, inside tvbridge's data directory, that exists and
     * survives restarts on this machine (where {@link #journal} keeps its files by default).
     */
    Path stateDirectory();

    /**
     * The broker's journal {@code name}, opened: a durable, append-only list of lines for state the
     * broker keeps itself (the paper broker's account is its journal {@code paper-journal}). By
     * default it is the file {@code <name>.log} in {@link #stateDirectory()}; a host whose store
     * several machines share keeps it in that store, so that another machine taking over finds it.
     * The broker closes it when it closes.
     *
     * @param name letters, digits, '.', '-' and '_' (see {@link BrokerJournal#NAME})
     * @throws IllegalArgumentException when {@code name} is not a journal's name
     * @throws RuntimeException         when the journal cannot be opened
     */
    default BrokerJournal journal(String name) {
        return FileBrokerJournal.open(stateDirectory().resolve(FileBrokerJournal.fileName(name)));
    }

    /** When markets trade; a host without a calendar says always. */
    default MarketHours marketHours() {
        return MarketHours.ALWAYS_OPEN;
    }
}
