package io.tvbridge.core.calendar;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** Crypto, which trades every instant of every day; its days are UTC days. */
public final class CryptoCalendar implements MarketCalendar {

    @Override
    public String name() {
        return "Crypto (always open)";
    }

    @Override
    public ZoneId zone() {
        return ZoneOffset.UTC;
    }

    @Override
    public TradingDay tradingDay(LocalDate date) {
        return TradingDay.full(date, List.of(SessionWindow.of(MarketSession.REGULAR,
                date.atStartOfDay(), date.plusDays(1).atStartOfDay(), ZoneOffset.UTC)));
    }

    @Override
    public MarketSession session(Instant at) {
        requireNonNull(at, "at");
        return MarketSession.REGULAR;
    }

    @Override
    public Instant nextOpen(Instant at, boolean includeExtendedHours) {
        return requireNonNull(at, "at");
    }

    @Override
    public Optional<Instant> nextClose(Instant at, boolean includeExtendedHours) {
        requireNonNull(at, "at");
        return Optional.empty();
    }

    @Override
    public String toString() {
        return name();
    }
}
