/** Sizing and the risk checks every order passes, on the decision thread that owns the risk state. */
package io.tvbridge.core.risk;
