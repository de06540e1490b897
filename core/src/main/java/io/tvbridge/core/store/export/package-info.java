/** Journals for spreadsheets and tax tools: trades, orders and signals over a span of time, as CSV or JSON. */
package io.tvbridge.core.store.export;
