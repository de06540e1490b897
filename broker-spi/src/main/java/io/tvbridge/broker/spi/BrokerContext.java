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
     * survives restarts (the paper broker keeps its journal there).
     */
    Path stateDirectory();

    /** When markets trade; a host without a calendar says always. */
    default MarketHours marketHours() {
        return MarketHours.ALWAYS_OPEN;
    }
}
