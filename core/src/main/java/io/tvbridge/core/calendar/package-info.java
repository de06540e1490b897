/** Market-hours calendars: when US equities, FX, crypto and CME Globex futures trade, computed from rules. */
package io.tvbridge.core.calendar;
