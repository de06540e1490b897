package io.tvbridge.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The latency arithmetic on a synthetic schedule, with a clock the test moves: one connection,
 * answers in 0.1 ms, except the 101st, which stalls for 200 ms.
 */
@Timeout(30)
class LoadGeneratorTest {
    private static final long SERVICE = TimeUnit.MICROSECONDS.toNanos(100);
    private static final long STALL = TimeUnit.MILLISECONDS.toNanos(200);

    /** Time moves only when the sender waits or the daemon answers. */
    private static final class TestClock implements NanoClock {
        private final AtomicLong now = new AtomicLong(TimeUnit.SECONDS.toNanos(1));

        @Override
        public long nanoTime() {
            return now.get();
        }

        @Override
        public void sleepUntil(long deadline) {
            now.accumulateAndGet(deadline, Math::max);
        }

        void advance(long nanos) {
            now.addAndGet(nanos);
        }
    }

    /** A daemon that answers each alert after {@link #SERVICE}, the 101st after {@link #STALL}. */
    private static final class StallingDaemon implements Transport {
        private final TestClock clock;
        private final AtomicInteger calls = new AtomicInteger();

        StallingDaemon(TestClock clock) {
            this.clock = clock;
        }

        @Override
        public Reply post(byte[] body) {
            clock.advance(calls.getAndIncrement() == 100 ? STALL : SERVICE);
            return new Reply.Answered(200, "{\"signal_id\":1,\"decision\":\"accepted\"}");
        }

        @Override
        public void close() {
        }
    }

    private static LoadResult run(int rate) throws InterruptedException {
        TestClock clock = new TestClock();
        LoadPlan plan = new LoadPlan(URI.create("http://127.0.0.1:1/webhook"), "secret", rate, 1,
                Duration.ofSeconds(1), Duration.ZERO, List.of("AAPL"), 0, Duration.ofSeconds(10));
        return new LoadGenerator(plan, new StallingDaemon(clock), new AlertBodies("secret", plan.symbols(), 0, "t")::body,
                clock, ReplyObserver.NONE).run();
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    @Test
    void atAFixedRateTheAlertsDueDuringAStallCountTheTimeTheyWaited() throws InterruptedException {
        LoadResult result = run(1000);
        Histogram latency = result.measured().latency();

        // due every 1 ms for 1 s: 1,000 alerts, whatever the daemon did
        assertThat(result.measured().sent()).isEqualTo(1000);
        assertThat(millis(latency.getMaxValue())).isCloseTo(200.1, within(0.3));
        // alert k (k > 100) is due at k ms and answered at 300.1 + 0.1 (k - 100) ms: those up to k = 321 waited over 1 ms
        long waitedOverOneMilli = latency.getTotalCount() - latency.getCountBetweenValues(0, 1_000_000);
        assertThat(waitedOverOneMilli).isBetween(220L, 224L);
        assertThat(millis(latency.getValueAtPercentile(50))).isCloseTo(0.1, within(0.01));
        assertThat(millis(latency.getValueAtPercentile(90))).isGreaterThan(50);
        assertThat(millis(latency.getValueAtPercentile(99))).isGreaterThan(150);
        assertThat(result.acknowledgedPerSecond()).isCloseTo(1000, within(1.0));
    }

    @Test
    void asFastAsPossibleEachAlertCountsFromItsOwnSendSoAStallIsOneSlowAlert() throws InterruptedException {
        LoadResult result = run(0);
        Histogram latency = result.measured().latency();

        // 800 ms of 0.1 ms answers, one 200 ms answer
        assertThat(result.measured().sent()).isBetween(8000L, 8002L);
        assertThat(latency.getTotalCount() - latency.getCountBetweenValues(0, 1_000_000)).isEqualTo(1);
        assertThat(millis(latency.getValueAtPercentile(99.9))).isCloseTo(0.1, within(0.01));
        assertThat(millis(latency.getMaxValue())).isCloseTo(200, within(0.3));
    }

    @Test
    void alertsAreDueEvenlyFromTheStart() {
        assertThat(LoadGenerator.dueAt(1_000, 0, 2000)).isEqualTo(1_000);
        assertThat(LoadGenerator.dueAt(1_000, 1, 2000)).isEqualTo(501_000);
        assertThat(LoadGenerator.dueAt(0, 2999, 3000)).isEqualTo(999_666_667);
    }

    @Test
    void theExitShareIsSpreadEvenlyAndEveryAlertIdIsNew() {
        AlertBodies bodies = new AlertBodies("se\"cret", List.of("AAPL", "MSFT", "IBM"), 0.25, "run1");

        long exits = java.util.stream.LongStream.range(0, 1000).filter(bodies::isExit).count();
        assertThat(exits).isEqualTo(250);
        assertThat(java.util.stream.LongStream.range(0, 8).filter(bodies::isExit).toArray()).containsExactly(3, 7);
        assertThat(new String(bodies.body(3), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("{\"secret\":\"se\\\"cret\",\"symbol\":\"AAPL\",\"action\":\"sell\",\"quantity\":1,"
                        + "\"price\":10,\"strategy\":\"bench\",\"alert_id\":\"bench-run1-3\"}");
        assertThat(bodies.symbol(4)).isEqualTo("MSFT");
    }
}
