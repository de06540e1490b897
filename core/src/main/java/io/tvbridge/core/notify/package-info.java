/** Telling the trader what needs attention: the notices and the ways they are sent. */
package io.tvbridge.core.notify;
