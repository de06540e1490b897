package io.tvbridge.broker.ibkr;

import io.tvbridge.broker.spi.BrokerConfig;
import io.tvbridge.broker.spi.BrokerException;
import io.tvbridge.broker.spi.ConfigKey;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The settings of the IBKR broker ({@code IBKR_*} variables).
 *
 * @param account            the account orders go to; required when the login manages several
 * @param readOnlyOk         run against a read-only API (orders are refused) without reporting the broker down
 * @param roundPrices        round prices to the contract's tick (true) or reject prices off the tick (false)
 * @param waitWhenDisconnected queue orders while disconnected (tvbridge retries them) instead of rejecting them
 * @param rollDays           roll a continuous future ({@code ES1!}) this many days before its last trade date
 * @param nightlyReset       IB's nightly reset window (New York time): a disconnect inside it is expected
 */
public record IbkrConfig(String host, int port, int clientId, Optional<String> account, boolean readOnlyOk,
                         Duration connectTimeout, Duration requestTimeout, int messagesPerSecond,
                         Duration maxReconnectPause, Optional<Path> symbolMap, int rollDays, boolean roundPrices,
                         boolean waitWhenDisconnected, LocalTime nightlyResetStart, Duration nightlyResetLength) {

    /** The fastest pace accepted: what IB grants an account with 2,000 market data lines. */
    static final int MAX_MESSAGES_PER_SECOND = 1000;

    static final List<ConfigKey> KEYS = List.of(
            ConfigKey.optional("host", "127.0.0.1", "host of TWS or IB Gateway"),
            ConfigKey.optional("port", "7497", "API port: TWS 7496 live / 7497 paper, Gateway 4001 live / 4002 paper"),
            ConfigKey.optional("client-id", "1", "API client id of this bridge; unique per TWS/Gateway"),
            ConfigKey.optional("account", null, "account to trade; required when the login manages several"),
            ConfigKey.optional("readonly-ok", "false", "stay ready when the API is read-only (orders are refused)"),
            ConfigKey.optional("connect-timeout", "10", "seconds to wait for the handshake"),
            ConfigKey.optional("request-timeout", "10", "seconds to wait for an answer to an order or request"),
            ConfigKey.optional("max-messages-per-second", "40",
                    "outgoing pacing; IB allows market data lines / 2 a second, 50 with the usual 100 lines"),
            ConfigKey.optional("max-reconnect-pause", "60", "longest pause in seconds between reconnect attempts"),
            ConfigKey.optional("symbol-map", null, "file of explicit TradingView symbol to IB contract mappings"),
            ConfigKey.optional("roll-days", "5", "days before expiry a continuous future (ES1!) rolls to the next"),
            ConfigKey.optional("price-policy", "round", "round prices to the contract's tick, or reject them"),
            ConfigKey.optional("when-disconnected", "wait", "orders while disconnected: wait (retry) or reject"),
            ConfigKey.optional("nightly-reset", "23:45-00:45",
                    "IB's nightly reset window, New York time; longer disconnects raise an alarm"));

    public IbkrConfig {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("IBKR_PORT must be a TCP port, not " + port);
        }
        // IB's limit is the account's market data lines / 2 a second: 50 with the usual 100 lines, more with
        // quote booster packs; above the account's limit IB answers error 100 and may drop the connection.
        if (messagesPerSecond < 1 || messagesPerSecond > MAX_MESSAGES_PER_SECOND) {
            throw new IllegalArgumentException("IBKR_MAX_MESSAGES_PER_SECOND must be 1 to " + MAX_MESSAGES_PER_SECOND
                    + " (IB allows your market data lines / 2 a second: 50 with the usual 100 lines)");
        }
    }

    static IbkrConfig from(BrokerConfig config) throws BrokerException {
        config.validated();
        try {
            String[] window = config.require("nightly-reset").split("-");
            LocalTime start = LocalTime.parse(window[0].strip());
            LocalTime end = LocalTime.parse(window[1].strip());
            Duration length = Duration.between(start, end);
            if (length.isNegative()) {
                length = length.plusDays(1);
            }
            return new IbkrConfig(config.require("host"), config.integer("port"), config.integer("client-id"),
                    config.text("account"), config.bool("readonly-ok"), config.seconds("connect-timeout"),
                    config.seconds("request-timeout"), config.integer("max-messages-per-second"),
                    config.seconds("max-reconnect-pause"), config.text("symbol-map").map(Path::of),
                    config.integer("roll-days"), policy(config, "price-policy", "round", "reject"),
                    policy(config, "when-disconnected", "wait", "reject"), start, length);
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException | DateTimeException e) {
            throw new BrokerException(BrokerException.Kind.CONFIGURATION, e.getMessage() == null
                    ? "IBKR_NIGHTLY_RESET must look like 23:45-00:45" : e.getMessage());
        }
    }

    private static boolean policy(BrokerConfig config, String key, String yes, String no) throws BrokerException {
        String value = config.require(key).toLowerCase(Locale.ROOT);
        if (value.equals(yes)) {
            return true;
        }
        if (value.equals(no)) {
            return false;
        }
        throw new BrokerException(BrokerException.Kind.CONFIGURATION,
                config.environmentName(key) + " must be " + yes + " or " + no + ", not '" + value + "'");
    }
}
