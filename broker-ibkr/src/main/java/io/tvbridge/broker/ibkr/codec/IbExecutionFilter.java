package io.tvbridge.broker.ibkr.codec;

/** Which executions REQ_EXECUTIONS asks for; empty text and client id 0 mean "any". */
public record IbExecutionFilter(int clientId, String acctCode, String time, String symbol, String secType,
                                String exchange, String side) {
    public IbExecutionFilter {
        acctCode = IbContract.orEmpty(acctCode);
        time = IbContract.orEmpty(time);
        symbol = IbContract.orEmpty(symbol);
        secType = IbContract.orEmpty(secType);
        exchange = IbContract.orEmpty(exchange);
        side = IbContract.orEmpty(side);
    }

    public static IbExecutionFilter all() {
        return new IbExecutionFilter(0, "", "", "", "", "", "");
    }
}
