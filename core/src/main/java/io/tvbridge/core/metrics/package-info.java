/** What the daemon counts and times for monitoring, behind one small interface with a do-nothing default. */
package io.tvbridge.core.metrics;
