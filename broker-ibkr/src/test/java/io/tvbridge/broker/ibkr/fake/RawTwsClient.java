package io.tvbridge.broker.ibkr.fake;

import io.tvbridge.broker.ibkr.codec.IbDecoder;
import io.tvbridge.broker.ibkr.codec.IbEncoder;
import io.tvbridge.broker.ibkr.codec.ServerHello;
import io.tvbridge.broker.ibkr.codec.TwsWire;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A bare TWS client for testing the fake: the real codec ({@link IbEncoder} to write,
 * {@link TwsWire#readFrame} and {@link IbDecoder} to read) over a plain socket, read on the
 * test's thread. {@link #sync()} asks for the current time and returns what arrived before it.
 */
final class RawTwsClient implements AutoCloseable {
    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final RecordingIbListener listener = new RecordingIbListener();
    private IbEncoder encoder;
    private IbDecoder decoder;

    private RawTwsClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
        this.out = socket.getOutputStream();
    }

    static RawTwsClient open(int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
        socket.setSoTimeout(5000);
        return new RawTwsClient(socket);
    }

    /** Opens, offers {@code v176..193}, sends START_API and reads the greeting up to the last notice (2158). */
    static RawTwsClient connect(int port, int clientId) throws IOException {
        RawTwsClient client = open(port);
        client.hello(IbEncoder.MIN_VERSION, IbEncoder.MAX_VERSION);
        client.startApi(clientId);
        client.readUntil(e -> e.name().equals("error") && e.arg(1).equals(2158));
        return client;
    }

    /** Sends the hello and reads the server's answer; the codec is set up when the version is one it speaks. */
    ServerHello hello(int min, int max) throws IOException {
        out.write(TwsWire.hello(min, max, ""));
        ServerHello hello = ServerHello.parse(TwsWire.readFrame(in)).orElseThrow();
        if (hello.serverVersion() >= IbEncoder.MIN_VERSION && hello.serverVersion() <= IbEncoder.MAX_VERSION) {
            encoder = new IbEncoder(hello.serverVersion());
            decoder = new IbDecoder(hello.serverVersion());
        }
        return hello;
    }

    void startApi(int clientId) throws IOException {
        send(encoder.startApi(clientId, ""));
    }

    IbEncoder encoder() {
        return encoder;
    }

    void send(List<String> fields) throws IOException {
        out.write(TwsWire.frame(fields));
        out.flush();
    }

    /** The events of the next frame. */
    List<IbEvent> next() throws IOException {
        decoder.decode(TwsWire.readFrame(in), listener);
        return listener.drain();
    }

    /** Events up to and including the first that matches. */
    List<IbEvent> readUntil(Predicate<IbEvent> last) throws IOException {
        List<IbEvent> events = new ArrayList<>();
        while (true) {
            for (IbEvent event : next()) {
                events.add(event);
                if (last.test(event)) {
                    return events;
                }
            }
        }
    }

    /** Everything the fake sent before answering a REQ_CURRENT_TIME sent now. */
    List<IbEvent> sync() throws IOException {
        send(encoder.reqCurrentTime());
        List<IbEvent> events = readUntil(e -> e.name().equals("currentTime"));
        return events.subList(0, events.size() - 1);
    }

    /** Events until the server closes the connection. */
    List<IbEvent> readUntilClosed() throws IOException {
        List<IbEvent> events = new ArrayList<>();
        try {
            while (true) {
                events.addAll(next());
            }
        } catch (EOFException | SocketException e) {
            return events;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
