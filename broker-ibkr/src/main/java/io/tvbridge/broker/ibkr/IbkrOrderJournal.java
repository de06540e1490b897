package io.tvbridge.broker.ibkr;

import io.tvbridge.broker.spi.model.ClientOrderId;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The orders this broker sent, by tvbridge's client order id, with IB's order id and, once
 * known, IB's permanent id. IB reuses order ids after a Gateway restart, so an order is found
 * again by its {@code orderRef} and {@code permId}; this journal also remembers an order that
 * IB no longer reports, so it is never taken for one that was never sent. One line per fact,
 * in the broker's state directory: {@code sending} before the order is written to the socket,
 * {@code written} once it was, {@code unsent} when the write failed (the order may be sent
 * afresh). An order whose {@code written} line is missing after a crash went out, if at all,
 * in the last instant before it: what TWS reports decides.
 */
final class IbkrOrderJournal implements AutoCloseable {

    /** What the journal knows of one order. */
    record Entry(ClientOrderId id, int orderId, long permId, Instant sentAt, boolean written) {
    }

    private final Path file;
    private final BufferedWriter writer;
    private final Map<ClientOrderId, Entry> entries = new ConcurrentHashMap<>();

    IbkrOrderJournal(Path file) {
        this.file = file;
        try {
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    read(line);
                }
            }
            Files.createDirectories(file.getParent());
            writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the IBKR order journal " + file, e);
        }
    }

    private void read(String line) {
        String[] parts = line.strip().split(" ");
        try {
            ClientOrderId id = ClientOrderId.of(parts[1]);
            switch (parts[0]) {
                // "sent" is how journals of earlier versions recorded an order, before writing it
                case "sending", "sent" -> entries.put(id, new Entry(id, Integer.parseInt(parts[2]), 0,
                        Instant.ofEpochMilli(Long.parseLong(parts[3])), parts[0].equals("sent")));
                case "written" -> entries.computeIfPresent(id, (key, entry) ->
                        new Entry(id, entry.orderId(), entry.permId(), entry.sentAt(), true));
                case "unsent" -> entries.remove(id);
                case "perm" -> entries.computeIfPresent(id, (key, entry) ->
                        new Entry(id, entry.orderId(), Long.parseLong(parts[2]), entry.sentAt(), entry.written()));
                default -> { }
            }
        } catch (RuntimeException e) {
            // a torn last line after a crash: what it would have said is learned again from TWS
        }
    }

    /** Before the order is written to TWS. */
    synchronized void sending(ClientOrderId id, int orderId, Instant at) {
        entries.put(id, new Entry(id, orderId, 0, at, false));
        append("sending " + id + " " + orderId + " " + at.toEpochMilli());
    }

    /** The order was written to TWS's socket. */
    synchronized void written(ClientOrderId id) {
        Entry entry = entries.get(id);
        if (entry != null && !entry.written()) {
            entries.put(id, new Entry(id, entry.orderId(), entry.permId(), entry.sentAt(), true));
            append("written " + id);
        }
    }

    /** The order never reached TWS: it may be sent afresh. */
    synchronized void unsent(ClientOrderId id) {
        if (entries.remove(id) != null) {
            append("unsent " + id);
        }
    }

    synchronized void permanentId(ClientOrderId id, long permId) {
        Entry entry = entries.get(id);
        if (entry != null && entry.permId() != permId) {
            entries.put(id, new Entry(id, entry.orderId(), permId, entry.sentAt(), entry.written()));
            append("perm " + id + " " + permId);
        }
    }

    Optional<Entry> find(ClientOrderId id) {
        return Optional.ofNullable(entries.get(id));
    }

    private void append(String line) {
        try {
            writer.write(line);
            writer.newLine();
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the IBKR order journal " + file, e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            writer.close();
        } catch (IOException e) {
            // nothing left to lose: every line was flushed when written
        }
    }
}
