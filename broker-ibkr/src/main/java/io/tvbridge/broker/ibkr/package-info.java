/** Interactive Brokers over the TWS / IB Gateway socket protocol. The module is a skeleton until the broker lands. */
package io.tvbridge.broker.ibkr;
