/** Comparing the positions tvbridge expects with the broker's, halting on a mismatch, and resolving it. */
package io.tvbridge.core.reconcile;
