/** The tvbridge command (picocli) and the hand-written wiring of the daemon. */
package io.tvbridge.cli;
