/** Reading TradingView alert bodies: parsing, field aliases, validation and authentication. Pure, no I/O. */
package io.tvbridge.core.alert;
