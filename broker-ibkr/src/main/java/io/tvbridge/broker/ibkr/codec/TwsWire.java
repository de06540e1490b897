package io.tvbridge.broker.ibkr.codec;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Framing: every message is a 4-byte big-endian length and a body of NUL-terminated text
 * fields; the connection opens with {@code "API\0"} and a length-prefixed version range.
 */
public final class TwsWire {
    /** A body longer than this is a protocol error (the length field allows 24 bits). */
    public static final int MAX_BODY = 0xFFFFFF;
    private static final byte[] API_PREFIX = {'A', 'P', 'I', 0};

    private TwsWire() {
    }

    /** The client's first bytes: {@code API\0}, then the version range ({@code v176..193}) and options, framed. */
    public static byte[] hello(int minVersion, int maxVersion, String options) {
        String range = "v" + minVersion + ".." + maxVersion + (options.isBlank() ? "" : " " + options.strip());
        byte[] text = range.getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(API_PREFIX.length + 4 + text.length).put(API_PREFIX).putInt(text.length)
                .put(text).array();
    }

    /** One frame: the length prefix and each field followed by a NUL. */
    public static byte[] frame(List<String> fields) {
        ByteArrayOutputStream body = new ByteArrayOutputStream(fields.size() * 8);
        for (String field : fields) {
            byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
            body.write(bytes, 0, bytes.length);
            body.write(0);
        }
        byte[] content = body.toByteArray();
        return ByteBuffer.allocate(4 + content.length).putInt(content.length).put(content).array();
    }

    /**
     * Reads one frame and splits it into fields; blocks until it is complete.
     *
     * @throws EOFException at the end of the stream
     */
    public static List<String> readFrame(InputStream in) throws IOException {
        DataInputStream data = in instanceof DataInputStream d ? d : new DataInputStream(in);
        int length = data.readInt();
        if (length < 0 || length > MAX_BODY) {
            throw new TwsProtocolException("frame length " + Integer.toUnsignedString(length) + " is over the limit");
        }
        byte[] body = new byte[length];
        data.readFully(body);
        return fields(body);
    }

    /** The fields of a frame body; the empty text after the last NUL is not a field. */
    public static List<String> fields(byte[] body) {
        List<String> fields = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < body.length; i++) {
            if (body[i] == 0) {
                fields.add(new String(body, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        if (start < body.length) {
            fields.add(new String(body, start, body.length - start, StandardCharsets.UTF_8));
        }
        return fields;
    }

    /** Reads the client hello on the server side: returns the range text ({@code v176..193 +PACEAPI}). */
    public static String readHello(InputStream in) throws IOException {
        DataInputStream data = in instanceof DataInputStream d ? d : new DataInputStream(in);
        byte[] prefix = new byte[API_PREFIX.length];
        data.readFully(prefix);
        for (int i = 0; i < prefix.length; i++) {
            if (prefix[i] != API_PREFIX[i]) {
                throw new TwsProtocolException("the connection did not start with API\\0");
            }
        }
        int length = data.readInt();
        if (length < 0 || length > 1024) {
            throw new TwsProtocolException("hello length " + length + " is not plausible");
        }
        byte[] text = new byte[length];
        data.readFully(text);
        return new String(text, StandardCharsets.US_ASCII);
    }
}
