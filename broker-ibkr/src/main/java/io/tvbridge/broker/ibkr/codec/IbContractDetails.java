package io.tvbridge.broker.ibkr.codec;

import java.math.BigDecimal;
import java.util.List;

/** A CONTRACT_DATA answer: the contract and the trading rules tvbridge checks orders against. */
public record IbContractDetails(IbContract contract, String marketName, BigDecimal minTick, String orderTypes,
                                String validExchanges, int priceMagnifier, int underConId, String longName,
                                String contractMonth, String industry, String category, String subcategory,
                                String timeZoneId, String tradingHours, String liquidHours, String evRule,
                                BigDecimal evMultiplier, List<TagValue> secIdList, int aggGroup, String underSymbol,
                                String underSecType, String marketRuleIds, String realExpirationDate,
                                String stockType, BigDecimal minSize, BigDecimal sizeIncrement,
                                BigDecimal suggestedSizeIncrement,
                                List<IneligibilityReason> ineligibilityReasonList) {

    /** A tag and its value (a security id, an ineligibility reason). */
    public record TagValue(String tag, String value) {
    }

    /** Why the account may not trade the contract. */
    public record IneligibilityReason(String id, String description) {
    }

    public IbContractDetails {
        secIdList = secIdList == null ? List.of() : List.copyOf(secIdList);
        ineligibilityReasonList = ineligibilityReasonList == null ? List.of() : List.copyOf(ineligibilityReasonList);
    }
}
