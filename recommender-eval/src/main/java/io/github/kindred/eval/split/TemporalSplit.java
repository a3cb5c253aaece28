package io.github.kindred.eval.split;

import io.github.kindred.data.InteractionLog;
import java.util.Arrays;

/**
 * Global temporal cut-off: events before the cut-off time train, events at or after it test. A test event whose
 * (user, item) pair also occurs before the cut-off is dropped (it would be a repeat of a training pair). The cut-off
 * is either a fixed time or the time that leaves a share of the events after it. Needs a timestamp on every event.
 *
 * @param cutoff the first test second since the epoch, or {@link Long#MIN_VALUE} when {@code testRatio} is used
 * @param testRatio the share of events at or after the cut-off, in (0, 1), or 0 when {@code cutoff} is given
 */
public record TemporalSplit(long cutoff, double testRatio) implements Splitter {
  /** Validates that exactly one of the cut-off and the ratio is set. */
  public TemporalSplit {
    if (testRatio == 0) {
      if (cutoff == Long.MIN_VALUE) {
        throw new IllegalArgumentException("give a cut-off time or a testRatio in (0, 1)");
      }
    } else {
      Splits.requireRatio(testRatio, "testRatio");
      if (cutoff != Long.MIN_VALUE) {
        throw new IllegalArgumentException("give either a cut-off time or a testRatio, not both");
      }
    }
  }

  /** Splits at a fixed time, in seconds since the epoch. */
  public static TemporalSplit at(long cutoff) {
    return new TemporalSplit(cutoff, 0);
  }

  /**
   * Splits at the time of the event at position {@code round(n * (1 - testRatio))} in time order, so about
   * {@code testRatio} of the events (fewer when times tie at the cut-off or test repeats are dropped) are tested.
   */
  public static TemporalSplit ratio(double testRatio) {
    return new TemporalSplit(Long.MIN_VALUE, testRatio);
  }

  /** The cut-off time this split uses on {@code log}. */
  public long cutoffFor(InteractionLog log) {
    if (testRatio == 0) {
      return cutoff;
    }
    long[] times = new long[log.size()];
    for (int i = 0; i < times.length; i++) {
      times[i] = log.timestamp(i);
    }
    Arrays.sort(times);
    int position = (int) Math.round(times.length * (1 - testRatio));
    return times[Math.min(Math.max(position, 0), times.length - 1)];
  }

  @Override
  public Split split(InteractionLog log) {
    Splits.requireTimestamps(log, "a temporal split");
    long at = cutoffFor(log);
    PairUnits units = PairUnits.of(log);
    byte[] part = new byte[log.size()];
    for (int p = 0; p < units.units(); p++) {
      boolean trained = false;
      for (int k = units.unitStart[p]; k < units.unitStart[p + 1]; k++) {
        trained |= log.timestamp(units.rows[k]) < at;
      }
      for (int k = units.unitStart[p]; k < units.unitStart[p + 1]; k++) {
        int row = units.rows[k];
        part[row] = log.timestamp(row) < at ? Splits.TRAIN : trained ? Splits.DROPPED : Splits.TEST;
      }
    }
    return Splits.assemble(log, part, false);
  }
}
