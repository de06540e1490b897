package io.tvbridge.broker.spi;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * A {@link BrokerJournal} in a file, one line per line appended, in UTF-8: the default of
 * {@link BrokerContext#journal}, as {@code <name>.log} in the broker's state directory. Each line
 * is written and flushed to the operating system before {@link #append} returns, so it survives
 * the process being killed. A last line without its line end was being written when the process
 * stopped: {@link #read} leaves it out, and {@link #open} cuts it off before anything is appended
 * after it.
 */
public final class FileBrokerJournal implements BrokerJournal {
    private static final System.Logger log = System.getLogger(FileBrokerJournal.class.getName());

    private final Path file;
    private final BufferedWriter writer;

    private FileBrokerJournal(Path file, BufferedWriter writer) {
        this.file = file;
        this.writer = writer;
    }

    /** The file of the journal {@code name} in a state directory: {@code <name>.log}. */
    public static String fileName(String name) {
        return BrokerJournal.requireName(name) + ".log";
    }

    /**
     * Opens the journal in {@code file}, creating the file and its folders when they do not exist,
     * and cutting off a last line that was never finished.
     *
     * @throws UncheckedIOException when the file cannot be opened
     */
    public static FileBrokerJournal open(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            cutUnfinishedLine(file);
            return new FileBrokerJournal(file, Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the journal " + file, e);
        }
    }

    /**
     * The lines of the journal in {@code file} (none when there is no such file), without a last
     * line that was never finished. Only reads: the file does not change.
     *
     * @throws UncheckedIOException when the file cannot be read
     */
    public static List<String> read(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            return new String(bytes, 0, finishedLength(bytes), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the journal " + file, e);
        }
    }

    /** How many bytes the finished lines take: up to and with the last line end. */
    private static int finishedLength(byte[] bytes) {
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] != '\n') {
            end--;
        }
        return end;
    }

    private static void cutUnfinishedLine(Path file) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        byte[] bytes = Files.readAllBytes(file);
        int finished = finishedLength(bytes);
        if (finished < bytes.length) {
            log.log(System.Logger.Level.WARNING, "the last line of " + file + " was never finished (the process"
                    + " stopped while writing it); it is cut off: " + (bytes.length - finished) + " bytes");
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.truncate(finished);
                channel.force(true);
            }
        }
    }

    /** The journal's file. */
    public Path file() {
        return file;
    }

    @Override
    public synchronized void append(String line) {
        BrokerJournal.requireLine(line);
        try {
            writer.write(line);
            writer.newLine();
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the journal " + file, e);
        }
    }

    @Override
    public synchronized List<String> lines() {
        try {
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the journal " + file, e);
        }
        return read(file);
    }

    @Override
    public synchronized void close() {
        try {
            writer.close();
        } catch (IOException e) {
            log.log(System.Logger.Level.WARNING, "closing the journal " + file + " failed: " + e.getMessage());
        }
    }

    /** Where the journal is kept, for health details and errors. */
    @Override
    public String toString() {
        return file.toString();
    }
}
