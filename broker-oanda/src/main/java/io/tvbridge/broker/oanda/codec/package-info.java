/** OANDA v20 JSON in and out: pure decoders and encoders, with no sockets, threads or clocks. */
package io.tvbridge.broker.oanda.codec;
