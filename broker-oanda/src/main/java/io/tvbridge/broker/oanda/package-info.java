/** The OANDA broker: tvbridge's broker contract over OANDA's v20 REST API. */
package io.tvbridge.broker.oanda;
