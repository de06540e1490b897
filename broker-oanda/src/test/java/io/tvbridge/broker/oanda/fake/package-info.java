/** Stand-ins for OANDA in tests: recorded replies and a stateful fake account served by WireMock on loopback. */
package io.tvbridge.broker.oanda.fake;
