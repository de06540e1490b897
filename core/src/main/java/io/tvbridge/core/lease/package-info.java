/** Who this daemon is, and the engine lease it must hold to trade when several daemons share one database. */
package io.tvbridge.core.lease;
