/**
 * Reading alert messages: tvbridge's own and the dialects of the products traders come from
 * (TradersPost, Tickerly, OpenAlgo, 3Commas, WunderTrading, PineConnector, Alertatron, Autoview,
 * TradingView's default order-fill message, plain sentences), the copy-paste damage repaired,
 * field aliases, validation and authentication. Pure, no I/O.
 */
package io.tvbridge.core.alert;
