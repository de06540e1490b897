package io.tvbridge.core.store;

import java.util.List;

/** One page of a list: its rows, how many rows the whole list has, and where the page starts. */
public record Page<T>(List<T> items, long total, int limit, int offset) {
    public Page {
        items = List.copyOf(items);
    }
}
