/** Mapping between tvbridge's vocabulary and IB's: symbols and contracts, orders, statuses, error codes. */
package io.tvbridge.broker.ibkr.mapping;
