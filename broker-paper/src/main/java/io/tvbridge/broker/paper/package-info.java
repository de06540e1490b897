/** The paper broker: a simulated venue that fills at the signal's price and keeps its book in a journal. */
package io.tvbridge.broker.paper;
