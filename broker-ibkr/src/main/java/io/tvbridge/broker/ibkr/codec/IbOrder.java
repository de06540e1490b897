package io.tvbridge.broker.ibkr.codec;

import java.math.BigDecimal;

/**
 * The order fields tvbridge sets or reads, with IB's own names. Every other PLACE_ORDER field
 * is sent with IB's default. Prices and quantities are null when unset; {@code transmit}
 * defaults to true. {@code orderId}, {@code clientId} and {@code permId} are filled in on
 * orders TWS reports (OPEN_ORDER).
 */
public record IbOrder(int orderId, int clientId, long permId, String action, BigDecimal totalQuantity,
                      String orderType, BigDecimal lmtPrice, BigDecimal auxPrice, String tif, String ocaGroup,
                      int ocaType, String account, String orderRef, Boolean transmit, int parentId,
                      boolean outsideRth, BigDecimal trailStopPrice, BigDecimal trailingPercent, BigDecimal cashQty,
                      String goodAfterTime, String goodTillDate, boolean whatIf) {

    public IbOrder {
        action = IbContract.orEmpty(action);
        orderType = IbContract.orEmpty(orderType);
        tif = IbContract.orEmpty(tif);
        ocaGroup = IbContract.orEmpty(ocaGroup);
        account = IbContract.orEmpty(account);
        orderRef = IbContract.orEmpty(orderRef);
        transmit = transmit == null ? Boolean.TRUE : transmit;
        goodAfterTime = IbContract.orEmpty(goodAfterTime);
        goodTillDate = IbContract.orEmpty(goodTillDate);
    }

    /** An order of {@code type} for {@code quantity}, every other field at its default. */
    public static IbOrder of(String action, BigDecimal quantity, String orderType, String tif) {
        return new IbOrder(0, 0, 0, action, quantity, orderType, null, null, tif, "", 0, "", "", true, 0, false, null,
                null, null, "", "", false);
    }

    public IbOrder withPrices(BigDecimal limit, BigDecimal aux) {
        return new IbOrder(orderId, clientId, permId, action, totalQuantity, orderType, limit, aux, tif, ocaGroup,
                ocaType, account, orderRef, transmit, parentId, outsideRth, trailStopPrice, trailingPercent, cashQty,
                goodAfterTime, goodTillDate, whatIf);
    }

    public IbOrder withTrailingPercent(BigDecimal percent) {
        return new IbOrder(orderId, clientId, permId, action, totalQuantity, orderType, lmtPrice, auxPrice, tif,
                ocaGroup, ocaType, account, orderRef, transmit, parentId, outsideRth, trailStopPrice, percent, cashQty,
                goodAfterTime, goodTillDate, whatIf);
    }

    public IbOrder withAccountAndRef(String orderAccount, String reference) {
        return new IbOrder(orderId, clientId, permId, action, totalQuantity, orderType, lmtPrice, auxPrice, tif,
                ocaGroup, ocaType, orderAccount, reference, transmit, parentId, outsideRth, trailStopPrice,
                trailingPercent, cashQty, goodAfterTime, goodTillDate, whatIf);
    }

    public IbOrder withOutsideRth(boolean outside) {
        return new IbOrder(orderId, clientId, permId, action, totalQuantity, orderType, lmtPrice, auxPrice, tif,
                ocaGroup, ocaType, account, orderRef, transmit, parentId, outside, trailStopPrice, trailingPercent,
                cashQty, goodAfterTime, goodTillDate, whatIf);
    }

    /** Places this order in a bracket: the parent's id (0 for the parent), transmit flag, OCA group. */
    public IbOrder inBracket(int parent, boolean transmitNow, String oca, int ocaKind) {
        return new IbOrder(orderId, clientId, permId, action, totalQuantity, orderType, lmtPrice, auxPrice, tif, oca,
                ocaKind, account, orderRef, transmitNow, parent, outsideRth, trailStopPrice, trailingPercent, cashQty,
                goodAfterTime, goodTillDate, whatIf);
    }
}
