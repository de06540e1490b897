package io.tvbridge.core.signal;

import io.tvbridge.core.notify.FanOutNotifier;
import io.tvbridge.core.notify.Notice;
import io.tvbridge.core.notify.RecordingNotifier;
import static org.assertj.core.api.Assertions.assertThat;

import io.tvbridge.broker.spi.model.ConnectionEvent;
import io.tvbridge.core.jobs.JobsConfig;
import io.tvbridge.core.jobs.MaintenanceWindow;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which notice each piece of news becomes, and how loud. */
class TradingNoticesTest {
    private final RecordingNotifier notifier = new RecordingNotifier();
    private final TradingNotices notices = new TradingNotices(notifier, Optional.of(
            MaintenanceWindow.parse("IB's nightly reset", "23:45-00:45", JobsConfig.NEW_YORK)));

    @Test
    void aDisconnectInsideTheNightlyResetIsQuietAndOneOutsideItIsLoud() {
        // 00:10 New York (EST) is inside 23:45-00:45, which runs past midnight
        notices.connectionChanged("ibkr", ConnectionEvent.down("socket closed", Instant.parse("2026-03-03T05:10:00Z")));
        notices.connectionChanged("ibkr", ConnectionEvent.down("socket closed", Instant.parse("2026-03-03T15:00:00Z")));
        notices.connectionChanged("ibkr", ConnectionEvent.up("connected", Instant.parse("2026-03-03T15:01:00Z")));

        assertThat(notifier.kinds()).containsExactly(Notice.Kind.BROKER_RESET_EXPECTED, Notice.Kind.BROKER_DISCONNECTED,
                Notice.Kind.BROKER_CONNECTED);
        assertThat(Notice.Kind.BROKER_RESET_EXPECTED.silent()).isTrue();
        assertThat(Notice.Kind.BROKER_DISCONNECTED.silent()).isFalse();
        assertThat(notifier.notices().get(0).text()).contains("as expected").contains("23:45-00:45");
    }

    @Test
    void riskChecksBlockWhileOtherRefusalsReject() {
        Instant at = Instant.parse("2026-03-03T15:00:00Z");
        notices.signalRejected(7, "buy 10 AAPL market", "max_daily_trades: 3 orders today, the limit is 3", true, at);
        notices.signalRejected(8, "close MSFT market", "there is no open MSFT position to close", false, at);
        notices.pendingReleased(List.of(), at);
        notices.pendingReleased(List.of(new DecisionListener.Released(9, "AAPL", "accepted")), at);

        assertThat(notifier.kinds()).containsExactly(Notice.Kind.RISK_BLOCK, Notice.Kind.REJECTED,
                Notice.Kind.PENDING_RELEASED);
        assertThat(notifier.notices().get(0).text())
                .isEqualTo("Blocked signal 7 (buy 10 AAPL market): max_daily_trades: 3 orders today, the limit is 3");
        assertThat(notifier.notices().get(2).text()).contains("1 signal(s) released").contains("signal 9 AAPL: accepted");
    }

    @Test
    void aFailingNotifierDoesNotKeepTheNoticeFromTheOthers() {
        RecordingNotifier second = new RecordingNotifier();
        FanOutNotifier fanOut = new FanOutNotifier(List.of(notice -> {
            throw new IllegalStateException("down");
        }, second));

        fanOut.notify(new Notice(Notice.Kind.FILL, "Filled BUY 1 AAPL @ 100", Instant.EPOCH));

        assertThat(second.kinds()).containsExactly(Notice.Kind.FILL);
    }
}
