package io.tvbridge.bench;

import io.tvbridge.broker.paper.PaperEvent;
import io.tvbridge.broker.paper.PaperJournal;
import java.nio.file.Path;
import java.util.List;

/** The orders the paper broker took, from its journal, each with the time at the broker's clock. */
final class PaperOrders {
    private PaperOrders() {
    }

    /** Every order placed so far, in the order taken; readable while the daemon runs. */
    static List<PaperEvent.Placed> placed(Path dataDirectory) {
        Path journal = dataDirectory.resolve("brokers").resolve("paper").resolve(PaperJournal.FILE_NAME);
        return PaperJournal.read(journal).stream().filter(PaperEvent.Placed.class::isInstance)
                .map(PaperEvent.Placed.class::cast).toList();
    }
}
