/** A fake TWS / IB Gateway: a real socket peer on loopback that speaks the TWS protocol and is scripted by tests. */
package io.tvbridge.broker.ibkr.fake;
