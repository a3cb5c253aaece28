package io.github.kindred.context;

import io.github.kindred.data.Context;
import io.github.kindred.data.IdIndex;
import io.github.kindred.data.InteractionLog;
import java.util.Arrays;
import java.util.List;

/**
 * The context features a contextual model uses, with their values as seen in the training log: maps a request's
 * {@link Context} to the dictionary codes of the training log without allocating. Immutable and thread-safe.
 */
final class ContextSchema {
  private final String[] names;
  private final int[] logFeature;
  private final IdIndex[] values;
  private final int[] offsets;

  private ContextSchema(String[] names, int[] logFeature, IdIndex[] values) {
    this.names = names;
    this.logFeature = logFeature;
    this.values = values;
    this.offsets = new int[names.length + 1];
    for (int f = 0; f < names.length; f++) {
      offsets[f + 1] = offsets[f] + values[f].size();
    }
  }

  /** A schema with no features. */
  static ContextSchema empty() {
    return new ContextSchema(new String[0], new int[0], new IdIndex[0]);
  }

  /**
   * The schema of {@code features} in {@code log}; an empty list means every context feature of the log, in the
   * log's order.
   *
   * @throws IllegalArgumentException if a named feature does not occur in the log
   */
  static ContextSchema of(InteractionLog log, List<String> features) {
    String[] logNames = log.contextNames();
    String[] names = features.isEmpty() ? logNames : features.toArray(String[]::new);
    int[] logFeature = new int[names.length];
    IdIndex[] values = new IdIndex[names.length];
    for (int f = 0; f < names.length; f++) {
      int lf = Arrays.asList(logNames).indexOf(names[f]);
      if (lf < 0) {
        throw new IllegalArgumentException("context feature '" + names[f] + "' does not occur in the training log,"
            + " which has " + Arrays.toString(logNames));
      }
      logFeature[f] = lf;
      values[f] = log.contextValues(lf);
    }
    return new ContextSchema(names, logFeature, values);
  }

  /** A schema of the given parts, for the codecs; the arrays are kept, not copied. */
  static ContextSchema of(String[] names, int[] logFeature, IdIndex[] values) {
    return new ContextSchema(names, logFeature, values);
  }

  /** The log's context feature index of feature {@code f}, for the codecs. */
  int logFeature(int f) {
    return logFeature[f];
  }

  /** Number of features. */
  int size() {
    return names.length;
  }

  /** Name of feature {@code f}. */
  String name(int f) {
    return names[f];
  }

  /** Number of values of feature {@code f} seen in training. */
  int valueCount(int f) {
    return values[f].size();
  }

  /** The values of feature {@code f}. */
  IdIndex values(int f) {
    return values[f];
  }

  /** Position of value 0 of feature {@code f} when all values of all features are numbered one after another. */
  int offset(int f) {
    return offsets[f];
  }

  /** Number of values of all features together. */
  int totalValues() {
    return offsets[names.length];
  }

  /** The code of feature {@code f} in {@code context}, or -1 if it is absent or a value unseen in training. */
  int code(int f, Context context) {
    String v = context.get(names[f]);
    return v == null ? -1 : values[f].indexOf(v);
  }

  /** The code of feature {@code f} for event {@code event} of {@code log} (a log sharing the dictionaries), or -1. */
  int eventCode(InteractionLog log, int f, int event) {
    return log.contextCode(logFeature[f], event);
  }
}
