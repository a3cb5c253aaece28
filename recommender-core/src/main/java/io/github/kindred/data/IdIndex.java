package io.github.kindred.data;

import it.unimi.dsi.fastutil.HashCommon;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.util.Arrays;
import java.util.Objects;

/**
 * A two-way mapping between external ids (strings) and dense int indexes {@code 0..size()-1}, in order of first
 * appearance.
 *
 * <p>Long ids are supported through {@link #indexOf(long)}, which looks up their decimal form. An {@code IdIndex}
 * is immutable; build one with {@link Builder}. Instances are safe to share between threads.
 */
public final class IdIndex {
  private final String[] ids;
  /**
   * Open-addressing table, at most half full: each slot holds an id's hash code in the high 32 bits and its index
   * + 1 in the low 32 bits, 0 when free. Probing compares hash codes inside the slot and touches an id string only
   * on a full match, so building and looking up cost about one cache miss each. That builds a million-id index in
   * a fraction of the CPU time of a presized {@code Object2IntOpenHashMap<String>} (0.4 s on a loaded 2-core
   * machine), which was most of the time it takes to load a model of that many items.
   */
  private final long[] table;
  private final int mask;

  private IdIndex(String[] ids) {
    this.ids = ids;
    int capacity = (int) Math.max(2, HashCommon.nextPowerOfTwo(2L * ids.length));
    this.table = new long[capacity];
    this.mask = capacity - 1;
    for (int i = 0; i < ids.length; i++) {
      String id = Objects.requireNonNull(ids[i], "id");
      int hash = id.hashCode();
      int h = HashCommon.mix(hash) & mask;
      long e;
      while ((e = table[h]) != 0) {
        if ((int) (e >>> 32) == hash && ids[(int) e - 1].equals(id)) {
          throw new IllegalArgumentException("duplicate id '" + id + "'");
        }
        h = (h + 1) & mask;
      }
      table[h] = ((long) hash << 32) | (i + 1);
    }
  }

  /**
   * Returns an index over the given ids, in the given order.
   *
   * @param ids the ids; {@code ids[i]} gets index {@code i} (the array is copied)
   * @return the index
   * @throws IllegalArgumentException if an id occurs twice, naming it
   * @throws NullPointerException if an id is null
   */
  public static IdIndex of(String... ids) {
    return new IdIndex(ids.clone());
  }

  private int find(String id) {
    if (id == null) {
      return -1;
    }
    int hash = id.hashCode();
    int h = HashCommon.mix(hash) & mask;
    long e;
    while ((e = table[h]) != 0) {
      if ((int) (e >>> 32) == hash && ids[(int) e - 1].equals(id)) {
        return (int) e - 1;
      }
      h = (h + 1) & mask;
    }
    return -1;
  }

  /** {@return number of ids} */
  public int size() {
    return ids.length;
  }

  /**
   * {@return the index of {@code id}, or -1 if it is unknown or null}
   *
   * @param id the external id
   */
  public int indexOf(String id) {
    return find(id);
  }

  /**
   * {@return the index of a numeric id, or -1 if it is unknown}
   *
   * @param id the id, looked up by its decimal form ({@code 42} finds {@code "42"}, not {@code "042"})
   */
  public int indexOf(long id) {
    return find(Long.toString(id));
  }

  /**
   * Returns the index of {@code id}, failing with a message naming the id if it is unknown.
   *
   * @param id the external id
   * @param what what the ids are, for the message, for example {@code "item"} gives "unknown item id 'x'"
   * @return the index, in [0, {@link #size()})
   * @throws IllegalArgumentException if {@code id} is unknown or null
   */
  public int require(String id, String what) {
    int index = find(id);
    if (index < 0) {
      throw new IllegalArgumentException("unknown " + what + " id '" + id + "'");
    }
    return index;
  }

  /**
   * {@return whether {@code id} is known; false for null}
   *
   * @param id the external id
   */
  public boolean contains(String id) {
    return find(id) >= 0;
  }

  /**
   * Returns the external id at {@code index}.
   *
   * @param index the index, in [0, {@link #size()})
   * @return the id, never null
   * @throws IndexOutOfBoundsException if {@code index} is not in {@code 0..size()-1}
   */
  public String idOf(int index) {
    Objects.checkIndex(index, ids.length);
    return ids[index];
  }

  /** {@return a copy of all ids in index order} */
  public String[] ids() {
    return ids.clone();
  }

  /** {@return a builder that starts with this index's ids, to extend it with new ones} */
  public Builder toBuilder() {
    Builder b = new Builder();
    for (String id : ids) {
      b.add(id);
    }
    return b;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IdIndex other && Arrays.equals(ids, other.ids);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(ids);
  }

  @Override
  public String toString() {
    return "IdIndex[size=" + ids.length + "]";
  }

  /** Assigns dense indexes to ids in order of first appearance. Not thread-safe. */
  public static final class Builder {
    private final Object2IntOpenHashMap<String> indexes = new Object2IntOpenHashMap<>();
    private String[] ids = new String[16];
    private int size;

    /** Creates an empty builder. */
    public Builder() {
      indexes.defaultReturnValue(-1);
    }

    /**
     * Returns the index of {@code id}, assigning the next free one ({@link #size()} before the call) if it is new.
     *
     * @param id the external id, not null
     * @return the id's index
     * @throws NullPointerException if {@code id} is null
     */
    public int add(String id) {
      Objects.requireNonNull(id, "id");
      int index = indexes.getInt(id);
      if (index >= 0) {
        return index;
      }
      if (size == ids.length) {
        ids = Arrays.copyOf(ids, size * 2);
      }
      ids[size] = id;
      indexes.put(id, size);
      return size++;
    }

    /**
     * {@return the index of {@code id}, or -1 if it has not been added}
     *
     * @param id the external id
     */
    public int indexOf(String id) {
      return indexes.getInt(id);
    }

    /** {@return number of ids added so far} */
    public int size() {
      return size;
    }

    /**
     * Forgets the ids whose index is {@code size} or more, so that the builder is as it was when it held
     * {@code size} ids. Readers use it to undo a failed read. O(removed ids).
     *
     * @param size the number of ids to keep, the first {@code size} in index order
     * @throws IllegalArgumentException if {@code size} is not in {@code 0..size()}
     */
    public void truncate(int size) {
      if (size < 0 || size > this.size) {
        throw new IllegalArgumentException("size must be in [0, " + this.size + "], got " + size);
      }
      for (int i = size; i < this.size; i++) {
        indexes.removeInt(ids[i]);
        ids[i] = null;
      }
      this.size = size;
    }

    /** {@return the immutable index; the builder may be used on afterwards} */
    public IdIndex build() {
      return new IdIndex(Arrays.copyOf(ids, size));
    }
  }
}
