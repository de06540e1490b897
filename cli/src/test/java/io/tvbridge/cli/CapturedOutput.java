package io.tvbridge.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Copies everything written to {@code System.err} and {@code System.out} while open: the daemon's
 * log (Logback's console appender writes to whatever {@code System.err} is at the time of each
 * line, and Jersey's and the brokers' logging is routed there too). Closing restores the streams.
 */
final class CapturedOutput implements AutoCloseable {
    private final PrintStream err = System.err;
    private final PrintStream out = System.out;
    private final ByteArrayOutputStream copy = new ByteArrayOutputStream();

    private CapturedOutput() {
        System.setErr(new PrintStream(new Tee(err, copy), true, StandardCharsets.UTF_8));
        System.setOut(new PrintStream(new Tee(out, copy), true, StandardCharsets.UTF_8));
    }

    static CapturedOutput start() {
        return new CapturedOutput();
    }

    List<String> lines() {
        synchronized (copy) {
            return copy.toString(StandardCharsets.UTF_8).lines().toList();
        }
    }

    @Override
    public void close() {
        System.setErr(err);
        System.setOut(out);
    }

    /** Writes to the original stream and to the copy. */
    private static final class Tee extends OutputStream {
        private final OutputStream original;
        private final ByteArrayOutputStream copy;

        Tee(OutputStream original, ByteArrayOutputStream copy) {
            this.original = original;
            this.copy = copy;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            synchronized (copy) {
                copy.write(bytes, offset, length);
            }
            synchronized (original) {
                try {
                    original.write(bytes, offset, length);
                } catch (IOException e) {
                    // the console went away; the copy is what the test reads
                }
            }
        }

        @Override
        public void flush() throws IOException {
            original.flush();
        }
    }
}
