package io.tvbridge.core.concurrent;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Work in lanes, one per symbol: exits go ahead of entries, but never ahead of earlier work in
 * their own lane, so a close followed by an open for the same symbol keeps its order while a
 * close for another symbol may overtake both. A lane is busy from the moment its item is taken
 * until {@link #done} says that item is finished; the next item of the lane waits until then.
 *
 * <p>Not thread-safe: its owner serialises access.
 */
public final class LaneQueue<T> {

    private record Entry<T>(T item, boolean exit, long arrival) {
    }

    private final Map<String, Deque<Entry<T>>> lanes = new LinkedHashMap<>();
    private final Set<String> busy = new HashSet<>();
    private long arrivals;
    private int size;

    /** Puts {@code item} at the end of {@code lane}; {@code exit} lets it overtake entries of other lanes. */
    public void add(T item, String lane, boolean exit) {
        Objects.requireNonNull(item, "item");
        lanes.computeIfAbsent(Objects.requireNonNull(lane, "lane"), l -> new ArrayDeque<>())
                .addLast(new Entry<>(item, exit, arrivals++));
        size++;
    }

    /** {@link #next(Predicate)} with every item eligible. */
    public Optional<T> next() {
        return next(item -> true);
    }

    /**
     * Takes the next item: among the first items of the lanes that are not busy and that
     * {@code eligible} accepts, the earliest exit, else the earliest of all. Its lane is busy
     * from now until {@link #done}. Empty when no lane has an eligible item ready.
     */
    public Optional<T> next(Predicate<T> eligible) {
        String chosenLane = null;
        Entry<T> chosen = null;
        for (Map.Entry<String, Deque<Entry<T>>> lane : lanes.entrySet()) {
            if (busy.contains(lane.getKey())) {
                continue;
            }
            Entry<T> head = lane.getValue().peekFirst();
            if (head == null || !eligible.test(head.item())) {
                continue;
            }
            if (chosen == null || head.exit() && !chosen.exit()
                    || head.exit() == chosen.exit() && head.arrival() < chosen.arrival()) {
                chosen = head;
                chosenLane = lane.getKey();
            }
        }
        if (chosen == null) {
            return Optional.empty();
        }
        Deque<Entry<T>> lane = lanes.get(chosenLane);
        lane.pollFirst();
        if (lane.isEmpty()) {
            lanes.remove(chosenLane);
        }
        busy.add(chosenLane);
        size--;
        return Optional.of(chosen.item());
    }

    /** The item taken from {@code lane} is finished: the lane's next item may go. */
    public void done(String lane) {
        busy.remove(lane);
    }

    public boolean isBusy(String lane) {
        return busy.contains(lane);
    }

    /** Items waiting (not counting those taken and not yet done). */
    public int size() {
        return size;
    }

    /**
     * {@code items} in the order a {@link LaneQueue} would hand them out when each is finished
     * before the next is taken: exits first, each lane in its own order.
     */
    public static <T> List<T> exitsFirst(List<T> items, Function<T, String> lane, Predicate<T> exit) {
        LaneQueue<T> queue = new LaneQueue<>();
        for (T item : items) {
            queue.add(item, lane.apply(item), exit.test(item));
        }
        List<T> ordered = new ArrayList<>(items.size());
        for (Optional<T> next = queue.next(); next.isPresent(); next = queue.next()) {
            ordered.add(next.get());
            queue.done(lane.apply(next.get()));
        }
        return ordered;
    }
}
