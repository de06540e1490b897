/** OANDA over the v20 REST API. The module is a skeleton until the broker lands. */
package io.tvbridge.broker.oanda;
