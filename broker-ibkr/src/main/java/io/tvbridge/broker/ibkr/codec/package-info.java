/**
 * The TWS / IB Gateway socket protocol, for the subset a bridge needs (text protocol, server
 * versions 176 to 193): framing, value encoding, requests and the events they bring back. Pure:
 * no sockets, threads or clocks.
 */
package io.tvbridge.broker.ibkr.codec;
