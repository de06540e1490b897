/** tvbridge's core: from a parsed alert to orders, positions and stored events. */
package io.tvbridge.core;
