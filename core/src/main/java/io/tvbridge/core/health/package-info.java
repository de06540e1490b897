/** How the daemon is doing: the broker's health, the database, readiness. */
package io.tvbridge.core.health;
