/** The load tool behind {@code tvbridge bench}: authenticated alerts at a fixed rate or as fast as possible, timed. */
package io.tvbridge.cli.bench;
