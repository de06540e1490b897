package io.tvbridge.broker.spi;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A durable, append-only list of text lines in which a broker keeps state of its own that must
 * outlive the process (the paper broker keeps its simulated account in one), asked for with
 * {@link BrokerContext#journal}. Replaying {@link #lines()} in order rebuilds that state.
 *
 * <p>By default a journal is the file {@code <name>.log} in the broker's
 * {@link BrokerContext#stateDirectory() state directory} ({@link FileBrokerJournal}); a host whose
 * store several machines share keeps it there instead, so that the instance that takes over after
 * a failover reads what the last one wrote. One broker instance writes a journal at a time.
 * Thread-safe.
 */
public interface BrokerJournal extends AutoCloseable {

    /** What a journal may be named: letters, digits, '.', '-' and '_', starting with a letter or digit, 100 at most. */
    Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    /**
     * Adds {@code line} after the last one. When this returns the line is kept: it survives the
     * process being killed, and {@link #lines()} of any later instance over the same journal has it.
     * When this throws, the line may or may not have been kept.
     *
     * @param line one line of text, without line breaks
     * @throws IllegalArgumentException when {@code line} holds a line break
     * @throws RuntimeException         when the line could not be kept (the file or the database failed)
     */
    void append(String line);

    /**
     * Every line kept, in the order appended. A line that was being written when the process
     * stopped, and so never kept, is not among them.
     */
    List<String> lines();

    /** Releases the journal; what was appended stays. */
    @Override
    void close();

    /**
     * {@code name} when it is a journal's name (see {@link #NAME}).
     *
     * @throws IllegalArgumentException when it is not
     */
    static String requireName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a journal's name is 1 to 100 letters, digits, '.', '-' and '_',"
                    + " starting with a letter or digit: '" + name + "'");
        }
        return name;
    }

    /**
     * {@code line} when it can be a journal's line.
     *
     * @throws IllegalArgumentException when it holds a line break
     */
    static String requireLine(String line) {
        if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("a journal's line holds no line break");
        }
        return line;
    }
}
