/** Immutable values exchanged between tvbridge and a broker plugin: instruments, orders, fills, positions, account. */
package io.tvbridge.broker.spi.model;
