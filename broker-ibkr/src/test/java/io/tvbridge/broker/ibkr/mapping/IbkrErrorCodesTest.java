package io.tvbridge.broker.ibkr.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.tvbridge.broker.ibkr.mapping.IbkrErrorCodes.Category;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IbkrErrorCodesTest {

    @ParameterizedTest
    @CsvSource({"103,ORDER_REJECTED", "110,ORDER_REJECTED", "200,REQUEST_FAILED", "201,ORDER_REJECTED",
            "202,ORDER_CANCELLED", "321,READ_ONLY", "399,ORDER_WARNING", "404,ORDER_WARNING", "451,ORDER_REJECTED",
            "460,ORDER_REJECTED", "10147,QUERY_ORDER", "10148,QUERY_ORDER", "1100,CONNECTIVITY_LOST",
            "1101,CONNECTIVITY_RESTORED_DATA_LOST", "1102,CONNECTIVITY_RESTORED", "502,CONNECTION_CLOSED",
            "504,CONNECTION_CLOSED", "2104,INFORMATIONAL", "2106,INFORMATIONAL", "2107,INFORMATIONAL",
            "2108,INFORMATIONAL", "2158,INFORMATIONAL", "10349,QUERY_ORDER", "99999,UNKNOWN"})
    void everyCodeHasOneMeaning(int code, Category category) {
        assertThat(IbkrErrorCodes.categorize(code)).isEqualTo(category);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "321|Error validating request.-'bW' : cause - The API interface is currently in Read-Only mode.|Read-Only API",
            "435|You must specify an account.|IBKR_ACCOUNT",
            "200|No security definition has been found for the request|IBKR_SYMBOL_MAP"})
    void reasonsTellTheTraderWhatToDo(int code, String text, String hint) {
        assertThat(IbkrErrorCodes.describe(code, text)).startsWith("IB " + code + ": ").contains(hint);
    }
}
