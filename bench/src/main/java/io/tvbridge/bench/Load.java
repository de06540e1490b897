package io.tvbridge.bench;

import io.tvbridge.cli.bench.AlertBodies;
import io.tvbridge.cli.bench.LoadGenerator;
import io.tvbridge.cli.bench.LoadPlan;
import io.tvbridge.cli.bench.LoadReport;
import io.tvbridge.cli.bench.LoadResult;
import io.tvbridge.cli.bench.ReplyObserver;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.LongFunction;

/** One run of tvbridge bench's load generator from a harness, and its report. */
record Load(LoadPlan plan, LoadResult result) {
    /** A harness waits longer for an answer than a user would: a late ack is a latency to report, not an error. */
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** {@code rate} alerts a second (0: as fast as possible) to the daemon at {@code base}. */
    static LoadPlan plan(URI base, int rate, int connections, Duration duration, Duration warmup,
                         List<String> symbols) {
        return plan(base, rate, connections, duration, warmup, symbols, 0);
    }

    /** As above, {@code exitRatio} of the alerts sells. */
    static LoadPlan plan(URI base, int rate, int connections, Duration duration, Duration warmup,
                         List<String> symbols, double exitRatio) {
        return new LoadPlan(base.resolve("/webhook"), HarnessOptions.SECRET, rate, connections, duration, warmup,
                symbols, exitRatio, TIMEOUT);
    }

    static Load run(LoadPlan plan, ReplyObserver observer) throws InterruptedException {
        return run(plan, AlertBodies.of(plan)::body, observer);
    }

    static Load run(LoadPlan plan, LongFunction<byte[]> bodies, ReplyObserver observer) throws InterruptedException {
        return new Load(plan, LoadGenerator.send(plan, bodies, observer));
    }

    LoadReport report(String target) {
        return LoadReport.of(plan, target, result);
    }
}
