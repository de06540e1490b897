/** Profit and loss by strategy and symbol over a day, week or month, and the daily report. */
package io.tvbridge.core.report;
