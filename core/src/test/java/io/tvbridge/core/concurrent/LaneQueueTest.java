package io.tvbridge.core.concurrent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LaneQueueTest {

    /** "sell AAPL" is an exit in lane AAPL; "buy MSFT" an entry in lane MSFT. */
    private record Work(String side, String symbol) {
        static Work of(String text) {
            String[] words = text.split(" ");
            return new Work(words[0], words[1]);
        }

        boolean exit() {
            return !side.equals("buy");
        }

        @Override
        public String toString() {
            return side + " " + symbol;
        }
    }

    private static List<String> exitsFirst(String... work) {
        List<Work> items = java.util.Arrays.stream(work).map(Work::of).toList();
        return LaneQueue.exitsFirst(items, Work::symbol, Work::exit).stream().map(Work::toString).toList();
    }

    @Test
    void exitsOvertakeEntriesOfOtherSymbols() {
        assertThat(exitsFirst("buy AAPL", "buy MSFT", "sell TSLA", "close NVDA", "buy AMD"))
                .containsExactly("sell TSLA", "close NVDA", "buy AAPL", "buy MSFT", "buy AMD");
    }

    @Test
    void aSymbolKeepsItsOwnOrderEvenWhenAnExitFollowsAnEntry() {
        assertThat(exitsFirst("buy AAPL", "close AAPL", "sell MSFT", "close TSLA", "buy TSLA"))
                .containsExactly("sell MSFT", "close TSLA", "buy AAPL", "close AAPL", "buy TSLA");
    }

    @Test
    void aCloseThenAnOpenOfOneSymbolStayInArrivalOrder() {
        assertThat(exitsFirst("close AAPL", "buy AAPL", "buy MSFT", "close MSFT"))
                .containsExactly("close AAPL", "buy AAPL", "buy MSFT", "close MSFT");
    }

    @Test
    void aBusyLaneHoldsItsNextItemUntilTheFirstIsDone() {
        LaneQueue<String> queue = new LaneQueue<>();
        queue.add("close AAPL", "AAPL", true);
        queue.add("buy AAPL", "AAPL", false);
        queue.add("buy MSFT", "MSFT", false);

        assertThat(queue.next()).contains("close AAPL");
        assertThat(queue.isBusy("AAPL")).isTrue();
        assertThat(queue.next()).as("AAPL waits for its close").contains("buy MSFT");
        assertThat(queue.next()).isEmpty();
        assertThat(queue.size()).isEqualTo(1);

        queue.done("AAPL");
        assertThat(queue.next()).contains("buy AAPL");
        assertThat(queue.size()).isZero();
    }

    @Test
    void onlyEligibleHeadsAreTakenAndAnIneligibleHeadBlocksItsLane() {
        LaneQueue<String> queue = new LaneQueue<>();
        queue.add("send AAPL", "AAPL", false);
        queue.add("check AAPL", "AAPL", false);
        queue.add("check MSFT", "MSFT", false);

        Optional<String> next = queue.next(item -> item.startsWith("check"));
        assertThat(next).contains("check MSFT");
        assertThat(queue.next(item -> item.startsWith("check"))).isEmpty();
        assertThat(queue.next()).contains("send AAPL");
    }
}
