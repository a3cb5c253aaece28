package io.github.kindred.data.io;

import java.util.List;
import java.util.Objects;

/**
 * What a read did: how many lines it read, how many events (or entities) it added, how many lines it skipped in
 * lenient mode, and the reasons for the first few skips. Immutable.
 *
 * @param source the file name or label of the input
 * @param linesRead physical lines read, the header and blank lines included
 * @param recordsAdded events (or feature rows) added
 * @param linesSkipped malformed records skipped (always 0 in strict mode)
 * @param firstReasons "line N: reason" for at most {@link #MAX_REASONS} skipped records, in file order
 */
public record ReadReport(String source, long linesRead, long recordsAdded, long linesSkipped,
    List<String> firstReasons) {
  /** The most skip reasons a report keeps. */
  public static final int MAX_REASONS = 10;

  /**
   * Validates the counts and copies the reasons.
   *
   * @param source the file name or label of the input
   * @param linesRead physical lines read, the header and blank lines included
   * @param recordsAdded events (or feature rows) added
   * @param linesSkipped malformed records skipped (always 0 in strict mode)
   * @param firstReasons "line N: reason" for at most {@link #MAX_REASONS} skipped records, in file order
   */
  public ReadReport {
    Objects.requireNonNull(source, "source");
    if (linesRead < 0 || recordsAdded < 0 || linesSkipped < 0) {
      throw new IllegalArgumentException("counts must be >= 0, got linesRead=" + linesRead + ", recordsAdded="
          + recordsAdded + ", linesSkipped=" + linesSkipped);
    }
    firstReasons = List.copyOf(firstReasons);
  }
}
