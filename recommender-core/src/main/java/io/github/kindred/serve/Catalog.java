package io.github.kindred.serve;

import io.github.kindred.data.IdIndex;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.util.Arrays;

/**
 * The items a recommender knows: the model's items (indexes {@code 0..modelCount-1}, as in the model) followed by
 * items first seen in ingested events, which are kept for popularity until a model knows them. Immutable; adding an
 * item returns a new catalogue (copy-on-write, cost proportional to the number of online items, which stays small
 * between model swaps).
 */
final class Catalog {
  private final IdIndex modelItems;
  private final int modelCount;
  private final String[] extra;
  private final Object2IntOpenHashMap<String> extraIndex;

  Catalog(IdIndex modelItems) {
    this(modelItems, new String[0], newMap());
  }

  private Catalog(IdIndex modelItems, String[] extra, Object2IntOpenHashMap<String> extraIndex) {
    this.modelItems = modelItems;
    this.modelCount = modelItems.size();
    this.extra = extra;
    this.extraIndex = extraIndex;
  }

  private static Object2IntOpenHashMap<String> newMap() {
    Object2IntOpenHashMap<String> m = new Object2IntOpenHashMap<>();
    m.defaultReturnValue(-1);
    return m;
  }

  /** Number of items the model scores. */
  int modelCount() {
    return modelCount;
  }

  /** Number of items in all. */
  int size() {
    return modelCount + extra.length;
  }

  /** The index of {@code id}, or -1. */
  int indexOf(String id) {
    int i = modelItems.indexOf(id);
    if (i >= 0) {
      return i;
    }
    int e = extraIndex.getInt(id);
    return e < 0 ? -1 : modelCount + e;
  }

  /** The id of item {@code index}. */
  String idOf(int index) {
    return index < modelCount ? modelItems.idOf(index) : extra[index - modelCount];
  }

  /** A catalogue with {@code id} appended; the caller checked that it is new. */
  Catalog with(String id) {
    String[] e = Arrays.copyOf(extra, extra.length + 1);
    e[extra.length] = id;
    Object2IntOpenHashMap<String> m = new Object2IntOpenHashMap<>(extraIndex);
    m.defaultReturnValue(-1);
    m.put(id, extra.length);
    return new Catalog(modelItems, e, m);
  }

  /** Ids of the online items, in order of arrival. */
  String[] extraIds() {
    return extra.clone();
  }
}
