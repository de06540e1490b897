package io.tvbridge.cli.bench;

/** Posts one alert body and waits for the answer; safe to call from several senders at once. */
public interface Transport extends AutoCloseable {

    Reply post(byte[] body);

    @Override
    void close();
}
