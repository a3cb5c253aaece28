package io.github.kindred.segment;

import io.github.kindred.data.Dataset;
import io.github.kindred.data.IdIndex;
import io.github.kindred.data.InteractionMatrix;
import io.github.kindred.math.TopN;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The most popular items of each user segment: for every segment name, up to {@code size} item indexes ranked by the
 * number of distinct users of the segment who interacted with them (stored cells of the dataset's matrix), ties by
 * the smaller item index, items no member touched left out. This is the definition the serving layer's popular
 * segment lists use, so a snapshot here matches what {@code Recommender} serves for the dataset's part of its data.
 *
 * <p>Computing costs {@code O(interactions + segments x items log size)} time and {@code O(items)} scratch memory.
 * Immutable and safe to share between threads.
 */
public final class SegmentHotLists {
  private final IdIndex items;
  private final int size;
  private final List<String> names;
  private final Map<String, Entry> lists;

  /** One segment's list. */
  private record Entry(int users, int[] items, int[] counts) {}

  private SegmentHotLists(IdIndex items, int size, List<String> names, Map<String, Entry> lists) {
    this.items = items;
    this.size = size;
    this.names = names;
    this.lists = lists;
  }

  /**
   * Computes the lists of every segment named by {@code segments}.
   *
   * @param data the interactions, indexed as the segments are
   * @param segments the segment of every user index of {@code data} (users with no segment are skipped)
   * @param size the longest list, at least 1
   * @return the lists of every segment name given to at least one user
   * @throws IllegalArgumentException if {@code size < 1} or the segments do not cover exactly the dataset's users
   * @throws NullPointerException if {@code data} or {@code segments} is null
   */
  public static SegmentHotLists compute(Dataset data, UserSegments segments, int size) {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(segments, "segments");
    if (size < 1) {
      throw new IllegalArgumentException("size must be >= 1, got " + size);
    }
    int userCount = data.userCount();
    if (segments.userCount() != userCount) {
      throw new IllegalArgumentException("segments must cover the dataset's " + userCount + " users, they cover "
          + segments.userCount());
    }
    // Number the segments in name order and group the users by segment (CSR).
    String[] nameOfUser = new String[userCount];
    List<String> sorted = new ArrayList<>();
    Object2IntOpenHashMap<String> index = new Object2IntOpenHashMap<>();
    index.defaultReturnValue(-1);
    for (int u = 0; u < userCount; u++) {
      nameOfUser[u] = segments.nameOf(u);
      if (nameOfUser[u] != null && !index.containsKey(nameOfUser[u])) {
        index.put(nameOfUser[u], 0);
        sorted.add(nameOfUser[u]);
      }
    }
    Collections.sort(sorted);
    for (int s = 0; s < sorted.size(); s++) {
      index.put(sorted.get(s), s);
    }
    int[] start = new int[sorted.size() + 1];
    int[] segmentOf = new int[userCount];
    for (int u = 0; u < userCount; u++) {
      segmentOf[u] = nameOfUser[u] == null ? -1 : index.getInt(nameOfUser[u]);
      if (segmentOf[u] >= 0) {
        start[segmentOf[u] + 1]++;
      }
    }
    for (int s = 0; s < sorted.size(); s++) {
      start[s + 1] += start[s];
    }
    int[] members = new int[start[sorted.size()]];
    int[] next = Arrays.copyOf(start, sorted.size());
    for (int u = 0; u < userCount; u++) {
      if (segmentOf[u] >= 0) {
        members[next[segmentOf[u]]++] = u;
      }
    }
    InteractionMatrix m = data.matrix();
    int[] pointers = m.rowPointers();
    int[] columns = m.columnIndexes();
    int itemCount = data.itemCount();
    int[] counts = new int[itemCount];
    TopN top = new TopN(size);
    Map<String, Entry> lists = new LinkedHashMap<>();
    for (int s = 0; s < sorted.size(); s++) {
      Arrays.fill(counts, 0);
      for (int k = start[s]; k < start[s + 1]; k++) {
        int u = members[k];
        // A row holds each item once, so this counts distinct users.
        for (int p = pointers[u]; p < pointers[u + 1]; p++) {
          counts[columns[p]]++;
        }
      }
      top.reset(size);
      for (int i = 0; i < itemCount; i++) {
        if (counts[i] > 0) {
          top.offer(i, counts[i]);
        }
      }
      int[] best = top.drain();
      int[] bestCounts = new int[best.length];
      for (int k = 0; k < best.length; k++) {
        bestCounts[k] = counts[best[k]];
      }
      lists.put(sorted.get(s), new Entry(start[s + 1] - start[s], best, bestCounts));
    }
    return new SegmentHotLists(data.items(), size, List.copyOf(sorted), Collections.unmodifiableMap(lists));
  }

  /** {@return the longest list length asked for} */
  public int size() {
    return size;
  }

  /** {@return the segment names that have a list (every name given to at least one user), sorted; unmodifiable} */
  public List<String> segments() {
    return names;
  }

  /**
   * Returns the item indexes of a segment's list.
   *
   * @param segment the segment name, as {@link UserSegments#nameOf(int)} gave it; null is allowed
   * @return a copy of the list, most popular first, at most {@link #size()} long; empty if the segment is unknown
   *     or null
   */
  public int[] top(String segment) {
    Entry e = segment == null ? null : lists.get(segment);
    return e == null ? new int[0] : e.items().clone();
  }

  /**
   * {@return the external item ids of {@link #top(String)}, in the same order; empty if the segment is unknown}
   *
   * @param segment the segment name, as {@link UserSegments#nameOf(int)} gave it; null is allowed
   */
  public String[] topIds(String segment) {
    int[] best = top(segment);
    String[] out = new String[best.length];
    for (int k = 0; k < best.length; k++) {
      out[k] = items.idOf(best[k]);
    }
    return out;
  }

  /**
   * {@return a copy of the number of distinct segment users behind each item of {@link #top(String)}, descending;
   * empty if the segment is unknown}
   *
   * @param segment the segment name, as {@link UserSegments#nameOf(int)} gave it; null is allowed
   */
  public int[] counts(String segment) {
    Entry e = segment == null ? null : lists.get(segment);
    return e == null ? new int[0] : e.counts().clone();
  }

  /**
   * {@return the number of users in the segment, 0 if it is unknown or null}
   *
   * @param segment the segment name, as {@link UserSegments#nameOf(int)} gave it; null is allowed
   */
  public int users(String segment) {
    Entry e = segment == null ? null : lists.get(segment);
    return e == null ? 0 : e.users();
  }

  /** {@return every list as segment name to item indexes (copies), in name order; unmodifiable} */
  public Map<String, int[]> asMap() {
    Map<String, int[]> out = new LinkedHashMap<>();
    for (String name : names) {
      out.put(name, top(name));
    }
    return Collections.unmodifiableMap(out);
  }

  @Override
  public String toString() {
    return "SegmentHotLists[segments=" + names + ", size=" + size + "]";
  }
}
