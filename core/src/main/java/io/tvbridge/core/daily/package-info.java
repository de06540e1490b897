/** The day's scheduled work: the daily report, the broker health check, the IB re-authentication reminder, the pending release. */
package io.tvbridge.core.daily;
