package io.tvbridge.core.report;

import io.tvbridge.core.risk.RiskUsage;
import io.tvbridge.core.settings.RiskSettings;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Reports in plain words and short lines, as a phone shows them (Telegram, the log). */
public final class ReportTexts {
    private ReportTexts() {
    }

    /** Profit and loss of a period: the total, then each symbol and strategy. */
    public static String pnl(PnlReport report) {
        List<String> lines = new ArrayList<>();
        lines.add("P&L " + report.period() + " since " + report.from() + ":");
        lines.add(line(report.total()));
        if (!report.bySymbol().isEmpty()) {
            lines.add("By symbol:");
            report.bySymbol().forEach(l -> lines.add("  " + line(l)));
        }
        if (!report.byStrategy().isEmpty()) {
            lines.add("By strategy:");
            report.byStrategy().forEach(l -> lines.add("  " + line(l)));
        }
        report.unrealizedSource().ifPresent(source -> lines.add("(unrealized from " + source.replace('_', ' ') + ")"));
        return String.join("\n", lines);
    }

    /**
     * The day's report: fills, P&L, signals (rejections among them), orders, reconciliations, the
     * switches flipped, the limits used and the positions held.
     */
    public static String daily(DailyReport report, RiskSettings limits, Optional<RiskUsage> usage) {
        List<String> lines = new ArrayList<>();
        lines.add("Daily report " + report.day());
        lines.add("Fills: " + report.trades());
        lines.add("P&L: " + line(report.pnl().total()));
        report.pnl().unvalued().forEach(why -> lines.add("  not valued: " + why));
        lines.add("Signals: " + counts(report.signals()));
        lines.add("Rejections: " + report.signals().getOrDefault("rejected", 0L));
        lines.add("Orders: " + (report.orders().isEmpty() ? "none" : counts(report.orders())));
        lines.add("Reconciliations: " + counts(report.reconciliations()));
        if (!report.tradingChanges().isEmpty()) {
            lines.add("Switches: " + report.tradingChanges().size() + " (" + String.join(", ",
                    report.tradingChanges().stream().map(c -> c.entry().action() + " by " + c.entry().actor()).toList()) + ")");
        }
        usage.ifPresent(u -> {
            lines.add("Limits used:");
            lines.add("  trades " + u.orders() + " of " + limit(BigDecimal.valueOf(limits.maxDailyTrades())));
            lines.add("  open positions " + u.openPositions() + " of "
                    + limit(BigDecimal.valueOf(limits.maxOpenPositions())));
            lines.add("  daily loss " + money(u.dailyResult().negate().max(BigDecimal.ZERO)) + " " + u.currency()
                    + " of " + limit(limits.maxDailyLoss()));
            lines.add("  exposure " + money(u.grossExposure()) + " " + u.currency() + " of "
                    + limit(limits.maxTotalExposure()));
            u.unvalued().forEach(why -> lines.add("  not valued: " + why));
        });
        if (report.positions().isEmpty()) {
            lines.add("Positions: none");
        } else {
            lines.add("Positions:");
            report.positions().forEach(p -> lines.add("  " + p.symbol() + " " + p.quantity().stripTrailingZeros()
                    .toPlainString()));
        }
        return String.join("\n", lines);
    }

    private static String line(PnlLine l) {
        String text = l.name() + ": net " + money(l.net()) + " " + l.currency() + " (realized " + money(l.realized())
                + l.unrealized().map(u -> ", unrealized " + money(u)).orElse("") + ", commissions "
                + money(l.commissions()) + "), " + l.trades() + " fills";
        return text + l.winRate().map(r -> ", win rate " + r.multiply(BigDecimal.valueOf(100))
                .setScale(0, RoundingMode.HALF_EVEN) + "%").orElse("");
    }

    private static String counts(Map<String, Long> counts) {
        return String.join(", ", new TreeMap<>(counts).entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).toList());
    }

    static String money(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static String limit(BigDecimal limit) {
        return limit.signum() == 0 ? "no limit" : limit.stripTrailingZeros().toPlainString();
    }
}
