package io.github.kindred.serve;

import io.github.kindred.data.Dataset;
import io.github.kindred.data.InteractionLog;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
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

  /**
   * Which journaled events {@code data} already contains, so that a swap onto it does not count them twice: an
   * event is contained when the dataset's log has an event with the same user, item and timestamp, each log event
   * matching at most one journaled event (the earliest ones first). Events of users for whom
   * {@code alwaysReplay} holds are never contained.
   *
   * @return for each journaled event, whether it is contained
   */
  boolean[] containedIn(Dataset data, Predicate<String> alwaysReplay) {
    Map<Key, int[]> wanted = new HashMap<>();
    for (int k = 0; k < size; k++) {
      Key key = Key.of(events[k], data);
      if (key.user >= 0 && key.item >= 0) {
        wanted.computeIfAbsent(key, x -> new int[2])[1]++;
      }
    }
    boolean[] contained = new boolean[size];
    if (wanted.isEmpty()) {
      return contained;
    }
    // How many log events match each key, at most the journal's own count of it.
    InteractionLog log = data.log();
    for (int k = 0; k < log.size(); k++) {
      int[] w = wanted.get(new Key(log.user(k), log.item(k), log.timestamp(k)));
      if (w != null && w[0] < w[1]) {
        w[0]++;
      }
    }
    for (int k = 0; k < size; k++) {
      int[] left = wanted.get(Key.of(events[k], data));
      if (left != null && left[0] > 0 && !alwaysReplay.test(events[k].userId())) {
        left[0]--;
        contained[k] = true;
      }
    }
    return contained;
  }

  /** A journaled event in the index space of a dataset; the user or item index is -1 if the dataset lacks it. */
  private record Key(int user, int item, long time) {
    static Key of(Event e, Dataset data) {
      return new Key(data.users().indexOf(e.userId()), data.items().indexOf(e.itemId()), e.timestamp());
    }
  }
}
