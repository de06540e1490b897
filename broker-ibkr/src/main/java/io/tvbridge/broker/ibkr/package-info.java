/** Interactive Brokers through TWS or IB Gateway, over the TWS socket protocol (see doc/NOTES.md). */
package io.tvbridge.broker.ibkr;
