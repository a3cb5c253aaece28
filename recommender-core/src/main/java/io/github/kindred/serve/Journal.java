package io.github.kindred.serve;

import java.util.Arrays;
import java.util.function.Predicate;

/**
 * The events ingested since the current model's dataset, in order of arrival: replayed onto the next model's state
 * at a swap, and scanned by the hot-list loaders. An immutable view of the first {@link #size()} entries of an
 * array that appends may share: an entry below {@code size} is never written again, so a reader holding a view
 * sees a fixed list while the writer appends to the same array behind it (the writer publishes each new view
 * through a volatile field).
 */
final class Journal {

  private final Event[] events;
  private final int size;

  private Journal(Event[] events, int size) {
    this.events = events;
    this.size = size;
  }

  /** A new, empty journal with its own storage (appends write into the storage, so it is never shared). */
  static Journal empty() {
    return new Journal(new Event[16], 0);
  }

  /** Number of events. */
  int size() {
    return size;
  }

  /** Event {@code k}. */
  Event get(int k) {
    return events[k];
  }

  /**
   * A view with {@code e} appended. Only the single writer may call it, and only on the latest view: an older view
   * would overwrite an entry that a newer one exposes.
   */
  Journal append(Event e) {
    Event[] a = events;
    if (size == a.length) {
      a = Arrays.copyOf(a, a.length * 2);
    }
    a[size] = e;
    return new Journal(a, size + 1);
  }

  /** A new journal, not sharing storage, with the events that pass {@code keep}. */
  Journal filter(Predicate<Event> keep) {
    Event[] a = new Event[Math.max(16, size)];
    int n = 0;
    for (int k = 0; k < size; k++) {
      if (keep.test(events[k])) {
        a[n++] = events[k];
      }
    }
    return new Journal(a, n);
  }
}
