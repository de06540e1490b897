/** Which broker an order goes to: the brokers started for this run, by name, with one default. */
package io.tvbridge.core.routing;
