/** {@code /metrics}: the daemon's counters, timers and gauges in Prometheus text format, through Micrometer. */
package io.tvbridge.server.metrics;
