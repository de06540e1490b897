package io.tvbridge.broker.ibkr.fake;

import io.tvbridge.broker.ibkr.codec.IbContract;
import io.tvbridge.broker.ibkr.codec.IbContractDetails;
import io.tvbridge.broker.ibkr.codec.IbContractDetails.TagValue;
import io.tvbridge.broker.ibkr.codec.TwsValues;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The contract definitions the fake knows: built-in ones plus those a test adds (a definition
 * with the conId of a built-in replaces it). Built in, with values as TWS reports them:
 * <ul>
 *   <li>stocks on SMART: AAPL (265598, NASDAQ) and MSFT (272093, NASDAQ), both fractional
 *       (minSize and sizeIncrement 0.0001, as TWS reports to fractional-enabled accounts); IBM
 *       (8314, NYSE) and SPY (756733, ARCA, an ETF), whole shares (1 and 1); all minTick 0.01;</li>
 *   <li>EUR.USD (12087792), CASH on IDEALPRO: minTick 0.00005, minSize and sizeIncrement 1;</li>
 *   <li>BTC (479624278), CRYPTO on PAXOS: minTick 0.25, minSize 0.0001, sizeIncrement 0.00000001;</li>
 *   <li>ES (multiplier 50, conId 600000000 + yyyymm) and NQ (multiplier 20, conId 610000000 +
 *       yyyymm) futures on CME, minTick 0.25: the last expired quarterly contract (found only with
 *       includeExpired) and the next four, each expiring on the third Friday of March, June,
 *       September and December relative to the fake's "today".</li>
 * </ul>
 */
final class FakeTwsContracts {
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final String STOCK_ORDER_TYPES = "ACTIVETIM,AD,ADJUST,ALERT,ALGO,ALLOC,AVGCOST,BASKET,COND,DAY,"
            + "GAT,GTC,GTD,IOC,LIT,LMT,MIT,MKT,MTL,OCA,OPG,REL,RTH,STP,STPLMT,TRAIL,TRAILLIMIT,WHATIF";
    private static final String STOCK_EXCHANGES = "SMART,AMEX,NYSE,CBOE,PHLX,ISE,CHX,ARCA,NASDAQ,DRCTEDGE,BEX,BATS,"
            + "EDGEA,BYX,IEX,EDGX,PEARL,NYSENAT,MEMX,IBEOS,OVERNIGHT";
    private static final String FUTURE_ORDER_TYPES = "ACTIVETIM,AD,ADJUST,ALERT,ALLOC,AVGCOST,BASKET,COND,DAY,GAT,"
            + "GTC,GTD,IOC,LIT,LMT,MIT,MKT,MTL,OCA,STP,STPLMT,TRAIL,TRAILLIMIT,WHATIF";
    private static final String MONTH_CODES = "FGHJKMNQUVXZ";

    private final List<IbContractDetails> configured = new ArrayList<>();

    void add(IbContractDetails details) {
        configured.removeIf(d -> d.contract().conId() == details.contract().conId());
        configured.add(details);
    }

    List<IbContractDetails> all(LocalDate today) {
        List<IbContractDetails> all = new ArrayList<>();
        for (IbContractDetails builtIn : builtIns(today)) {
            if (configured.stream().noneMatch(d -> d.contract().conId() == builtIn.contract().conId())) {
                all.add(builtIn);
            }
        }
        all.addAll(configured);
        return all;
    }

    /** Every definition the request describes: by conId if it has one, else by each field it sets. */
    List<IbContractDetails> match(IbContract query, LocalDate today) {
        return all(today).stream().filter(d -> matches(d, query, today)).toList();
    }

    private static boolean matches(IbContractDetails details, IbContract query, LocalDate today) {
        IbContract c = details.contract();
        if (query.conId() != 0) {
            return c.conId() == query.conId();
        }
        return c.symbol().equalsIgnoreCase(query.symbol())
                && given(query.secType(), c.secType())
                && given(query.currency(), c.currency())
                && (query.exchange().isEmpty() || query.exchange().equals(c.exchange())
                        || Arrays.asList(details.validExchanges().split(",")).contains(query.exchange()))
                && given(query.primaryExch(), c.primaryExch())
                && given(query.localSymbol(), c.localSymbol())
                && given(query.tradingClass(), c.tradingClass())
                && (query.multiplier().isEmpty() || sameNumber(query.multiplier(), c.multiplier()))
                && c.lastTradeDateOrContractMonth().startsWith(query.lastTradeDateOrContractMonth())
                && (query.includeExpired() || !expired(c, today));
    }

    private static boolean given(String wanted, String actual) {
        return wanted.isEmpty() || wanted.equals(actual);
    }

    private static boolean sameNumber(String a, String b) {
        BigDecimal x = TwsValues.parseDecimal(a);
        BigDecimal y = TwsValues.parseDecimal(b);
        return x != null && y != null && x.compareTo(y) == 0;
    }

    private static boolean expired(IbContract contract, LocalDate today) {
        return !contract.lastTradeDate().isEmpty() && LocalDate.parse(contract.lastTradeDate(), DAY).isBefore(today);
    }

    static List<IbContractDetails> builtIns(LocalDate today) {
        List<IbContractDetails> all = new ArrayList<>();
        all.add(stock(265598, "AAPL", "NASDAQ", "NMS", "APPLE INC", "US0378331005", "Computers", "0.0001", today));
        all.add(stock(272093, "MSFT", "NASDAQ", "NMS", "MICROSOFT CORP", "US5949181045", "Software", "0.0001",
                today));
        all.add(stock(8314, "IBM", "NYSE", "IBM", "INTL BUSINESS MACHINES CORP", "US4592001014", "Computers", "1",
                today));
        all.add(stock(756733, "SPY", "ARCA", "SPY", "SPDR S&P 500 ETF TRUST", "US78462F1030", "", "1", today));
        all.add(details(new IbContract(12087792, "EUR", "CASH", "", "", null, "", "", "IDEALPRO", "", "USD",
                        "EUR.USD", "EUR.USD", false, "", "", "", ""), "EUR.USD", "0.00005",
                "CASHQTY,DAY,GTC,IOC,LMT,MKT,OCA,STP,STPLMT,TRAIL,WHATIF", "IDEALPRO", "European Monetary Union Euro",
                "", "US/Eastern", hours(today, "1715", "1700"), List.of(), "", "", "239", "", "1", "1", "1"));
        all.add(details(new IbContract(479624278, "BTC", "CRYPTO", "", "", null, "", "", "PAXOS", "", "USD",
                        "BTC.USD", "BTC", false, "", "", "", ""), "BTC", "0.25", "CASHQTY,DAY,IOC,LMT,MKT,STP,STPLMT",
                "PAXOS", "Bitcoin", "", "US/Central", hours(today, "0000", "2359"), List.of(), "", "", "3311", "",
                "0.0001", "0.00000001", "0.00000001"));
        all.addAll(quarterlyFutures("ES", 600000000, "50", "E-mini S&P 500", today));
        all.addAll(quarterlyFutures("NQ", 610000000, "20", "E-mini NASDAQ 100", today));
        return all;
    }

    private static IbContractDetails stock(int conId, String symbol, String primary, String tradingClass,
                                           String longName, String isin, String industryGroup, String increment,
                                           LocalDate today) {
        IbContract contract = new IbContract(conId, symbol, "STK", "", "", null, "", "", "SMART", primary, "USD",
                symbol, tradingClass, false, "", "", "", "");
        String rules = String.join(",", Collections.nCopies(STOCK_EXCHANGES.split(",").length, "26"));
        return new IbContractDetails(contract, tradingClass, new BigDecimal("0.01"), STOCK_ORDER_TYPES,
                STOCK_EXCHANGES, 1, 0, longName, "", industryGroup.isEmpty() ? "" : "Technology", industryGroup,
                industryGroup, "US/Eastern", hours(today, "0400", "2000"), hours(today, "0930", "1600"), "", null,
                List.of(new TagValue("ISIN", isin)), 1, "", "", rules, "",
                tradingClass.equals("SPY") ? "ETF" : "COMMON",
                new BigDecimal(increment), new BigDecimal(increment), new BigDecimal("100"), List.of());
    }

    private static IbContractDetails details(IbContract contract, String marketName, String minTick,
                                             String orderTypes, String exchanges, String longName,
                                             String contractMonth, String timeZone, String hours,
                                             List<TagValue> secIds, String underSymbol, String underSecType,
                                             String rules, String realExpiration, String minSize, String increment,
                                             String suggested) {
        return new IbContractDetails(contract, marketName, new BigDecimal(minTick), orderTypes, exchanges, 1, 0,
                longName, contractMonth, "", "", "", timeZone, hours, hours, "", null, secIds, 1, underSymbol,
                underSecType, rules, realExpiration, "", new BigDecimal(minSize), new BigDecimal(increment),
                new BigDecimal(suggested), List.of());
    }

    /** The last expired quarterly contract of a CME index future and the next four. */
    private static List<IbContractDetails> quarterlyFutures(String root, int conIds, String multiplier,
                                                            String longName, LocalDate today) {
        List<LocalDate> expired = new ArrayList<>();
        List<LocalDate> live = new ArrayList<>();
        YearMonth month = YearMonth.from(today).minusMonths(3);
        while (month.getMonthValue() % 3 != 0) {
            month = month.plusMonths(1);
        }
        for (; live.size() < 4; month = month.plusMonths(3)) {
            LocalDate expiry = month.atDay(1).with(TemporalAdjusters.dayOfWeekInMonth(3, DayOfWeek.FRIDAY));
            (expiry.isBefore(today) ? expired : live).add(expiry);
        }
        List<IbContractDetails> futures = new ArrayList<>();
        if (!expired.isEmpty()) {
            futures.add(future(root, conIds, multiplier, longName, expired.get(expired.size() - 1), today));
        }
        live.forEach(expiry -> futures.add(future(root, conIds, multiplier, longName, expiry, today)));
        return futures;
    }

    private static IbContractDetails future(String root, int conIds, String multiplier, String longName,
                                            LocalDate expiry, LocalDate today) {
        String day = expiry.format(DAY);
        String localSymbol = root + MONTH_CODES.charAt(expiry.getMonthValue() - 1) + expiry.getYear() % 10;
        IbContract contract = new IbContract(conIds + expiry.getYear() * 100 + expiry.getMonthValue(), root, "FUT",
                day, day, null, "", multiplier, "CME", "", "USD", localSymbol, root, false, "", "", "", "");
        return details(contract, root, "0.25", FUTURE_ORDER_TYPES, "CME,QBALGO", longName, day.substring(0, 6),
                "US/Central", hours(today, "1700", "1600"), List.of(), root, "IND", "67,67", day, "1", "1", "1");
    }

    /** Two sessions in TWS's format ({@code yyyyMMdd:HHmm-yyyyMMdd:HHmm;...}), today's and tomorrow's. */
    private static String hours(LocalDate day, String open, String close) {
        return session(day, open, close) + ";" + session(day.plusDays(1), open, close);
    }

    private static String session(LocalDate day, String open, String close) {
        LocalDate end = close.compareTo(open) < 0 ? day.plusDays(1) : day;
        return day.format(DAY) + ":" + open + "-" + end.format(DAY) + ":" + close;
    }
}
