package io.tvbridge.core.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Exclusive use of a data directory: the daemon holds it while it runs, and {@code db backup},
 * {@code db restore} and {@code export} hold it while they work on a stopped daemon's files.
 * It is an operating-system lock on {@code tvbridge.lock}, so it is released when its holder
 * ends, even by kill -9; the file itself stays and names the last holder.
 */
public final class DataDirectoryLock implements AutoCloseable {
    public static final String FILE_NAME = "tvbridge.lock";

    /*
     * Closing any channel of a file releases every lock this process holds on it (POSIX), so a
     * second attempt from this process must not even open the file: it is refused here first.
     */
    private static final Map<Path, String> HELD_HERE = new HashMap<>();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the data directory (creating it if needed) for {@code holder}, a few words such as
     * {@code tvbridge run}.
     *
     * @throws StoreException when another daemon or command holds it
     */
    public static DataDirectoryLock acquire(Path dataDirectory, String holder) {
        Path file = dataDirectory.toAbsolutePath().normalize().resolve(FILE_NAME);
        synchronized (HELD_HERE) {
            if (HELD_HERE.containsKey(file)) {
                throw inUse(dataDirectory, HELD_HERE.get(file));
            }
            FileChannel channel = null;
            try {
                Files.createDirectories(file.getParent());
                channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock();
                if (lock == null) {
                    String lastHolder = Files.readString(file, StandardCharsets.UTF_8).strip();
                    channel.close();
                    throw inUse(dataDirectory, lastHolder.isEmpty() ? "another process" : lastHolder);
                }
                String holderLine = "pid " + ProcessHandle.current().pid() + ", " + holder + ", since " + Instant.now();
                channel.truncate(0);
                channel.write(ByteBuffer.wrap((holderLine + "\n").getBytes(StandardCharsets.UTF_8)));
                channel.force(false);
                HELD_HERE.put(file, holderLine);
                return new DataDirectoryLock(file, channel, lock);
            } catch (IOException e) {
                closeQuietly(channel);
                throw new UncheckedIOException("cannot lock the data directory " + dataDirectory + ": "
                        + e.getMessage(), e);
            }
        }
    }

    /** Whether another process, a running daemon, holds the data directory now. */
    public static boolean heldElsewhere(Path dataDirectory) {
        if (!Files.exists(dataDirectory.toAbsolutePath().normalize().resolve(FILE_NAME))) {
            return false;
        }
        try (DataDirectoryLock lock = acquire(dataDirectory, "a look whether tvbridge runs")) {
            return false;
        } catch (StoreException e) {
            return true;
        }
    }

    private static StoreException inUse(Path dataDirectory, String holder) {
        return new StoreException("the data directory " + dataDirectory + " is in use by a running tvbridge ("
                + holder + "); stop it first");
    }

    /** Releases the directory. Idempotent. */
    @Override
    public void close() {
        synchronized (HELD_HERE) {
            if (!channel.isOpen()) {
                return;
            }
            try {
                lock.release();
            } catch (IOException e) {
                // closing the channel below releases it as well
            }
            closeQuietly(channel);
            HELD_HERE.remove(file);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            // nothing was written through it that matters
        }
    }
}
