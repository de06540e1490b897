package io.tvbridge.core.account.routes;

import io.tvbridge.broker.spi.model.AssetClass;
import io.tvbridge.broker.spi.model.InstrumentRef;
import io.tvbridge.core.alert.Alert;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The left side of a {@code ROUTES} rule: which alerts it takes. Written {@code *},
 * {@code strategy:<glob>}, {@code symbol:<glob>}, {@code <class>:<glob>} or a strategy's
 * {@code <glob>} alone.
 */
sealed interface RoutePattern {
    String FORMS = "use *, strategy:<name>, symbol:<symbol>, <class>:<symbol> with class stock, future, fx, crypto"
            + " or cfd, or a strategy name alone";

    /** What a pattern says of one alert. */
    enum Verdict {
        MATCHES,
        MISSES,
        /** It would match if the alert's asset class were the pattern's, and that class is not known. */
        CLASS_NOT_KNOWN
    }

    Verdict test(Alert alert);

    /** As {@code ROUTES} writes it, normalised: {@code strategy:ema}, {@code fx:*}. */
    String written();

    /** In words, for saying why an alert went where it did: {@code strategy ema}, {@code any}. */
    String words();

    /** Reads a pattern; refuses one it cannot read, saying what it can. */
    static RoutePattern parse(String text) {
        String pattern = text.strip();
        if (pattern.isEmpty()) {
            throw new IllegalArgumentException("there is no pattern before '->' (* takes every alert)");
        }
        if (pattern.equals("*")) {
            return new Any();
        }
        int colon = pattern.indexOf(':');
        if (colon < 0) {
            return new Strategy(new Glob(pattern));
        }
        String prefix = pattern.substring(0, colon).strip().toLowerCase(Locale.ROOT);
        String rest = pattern.substring(colon + 1);
        if (rest.isBlank()) {
            throw new IllegalArgumentException("there is nothing after '" + prefix + ":'");
        }
        Glob glob = new Glob(rest);
        return switch (prefix) {
            case "strategy" -> new Strategy(glob);
            case "symbol" -> new Symbol(glob);
            default -> assetClass(prefix).<RoutePattern>map(assetClass -> new OfClass(assetClass, glob))
                    .orElseThrow(() -> new IllegalArgumentException("'" + prefix + ":' is not a pattern: " + FORMS));
        };
    }

    private static Optional<AssetClass> assetClass(String word) {
        return switch (word) {
            case "stock", "stocks" -> Optional.of(AssetClass.STOCK);
            case "future", "futures" -> Optional.of(AssetClass.FUTURE);
            case "fx", "forex" -> Optional.of(AssetClass.FOREX);
            case "crypto" -> Optional.of(AssetClass.CRYPTO);
            case "cfd" -> Optional.of(AssetClass.CFD);
            default -> Optional.empty();
        };
    }

    /** The word {@code ROUTES} and the refusals use for a class. */
    static String word(AssetClass assetClass) {
        return switch (assetClass) {
            case STOCK -> "stock";
            case FUTURE -> "future";
            case FOREX -> "fx";
            case CRYPTO -> "crypto";
            case CFD -> "cfd";
        };
    }

    /**
     * The symbol without its exchange; a glob with a colon ({@code NASDAQ:*}) is matched
     * against the symbol with its exchange.
     */
    private static boolean symbolMatches(Glob glob, InstrumentRef instrument) {
        return glob.matches(instrument.symbol()) || glob.contains(':') && glob.matches(instrument.toString());
    }

    /** Every alert. */
    record Any() implements RoutePattern {
        @Override
        public Verdict test(Alert alert) {
            return Verdict.MATCHES;
        }

        @Override
        public String written() {
            return "*";
        }

        @Override
        public String words() {
            return "any";
        }
    }

    /** The alerts whose strategy the glob matches; an alert without a strategy is not one of them. */
    record Strategy(Glob name) implements RoutePattern {
        public Strategy {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public Verdict test(Alert alert) {
            return alert.strategy().filter(name::matches).isPresent() ? Verdict.MATCHES : Verdict.MISSES;
        }

        @Override
        public String written() {
            return "strategy:" + name;
        }

        @Override
        public String words() {
            return "strategy " + name;
        }
    }

    /** The alerts whose symbol the glob matches; an alert without a symbol (close_all) is not one of them. */
    record Symbol(Glob symbol) implements RoutePattern {
        public Symbol {
            Objects.requireNonNull(symbol, "symbol");
        }

        @Override
        public Verdict test(Alert alert) {
            return alert.instrument().filter(i -> symbolMatches(symbol, i)).isPresent() ? Verdict.MATCHES
                    : Verdict.MISSES;
        }

        @Override
        public String written() {
            return "symbol:" + symbol;
        }

        @Override
        public String words() {
            return "symbol " + symbol;
        }
    }

    /** The alerts of one asset class whose symbol the glob matches. */
    record OfClass(AssetClass assetClass, Glob symbol) implements RoutePattern {
        public OfClass {
            Objects.requireNonNull(assetClass, "assetClass");
            Objects.requireNonNull(symbol, "symbol");
        }

        @Override
        public Verdict test(Alert alert) {
            Optional<InstrumentRef> instrument = alert.instrument();
            if (instrument.isEmpty() || !symbolMatches(symbol, instrument.get())) {
                return Verdict.MISSES;
            }
            Optional<AssetClass> given = instrument.get().assetClass();
            if (given.isEmpty()) {
                return Verdict.CLASS_NOT_KNOWN;
            }
            return given.get() == assetClass ? Verdict.MATCHES : Verdict.MISSES;
        }

        @Override
        public String written() {
            return word(assetClass) + ":" + symbol;
        }

        @Override
        public String words() {
            return word(assetClass) + " " + symbol;
        }
    }
}
