package io.github.kindred.data.io;

import java.io.IOException;

/**
 * A data file could not be read because of its content: a malformed line, a header that lacks a mapped column, or
 * an empty file. The message names the source (file name), the 1-based line number (0 when the problem is the file
 * as a whole) and the reason; each is also available on its own.
 */
public final class MalformedDataException extends IOException {
  private static final long serialVersionUID = 1L;

  /** The file name or label of the input. */
  private final String source;
  /** The 1-based line number, or 0 for the whole input. */
  private final long line;
  /** What is wrong. */
  private final String reason;

  /**
   * Creates the exception.
   *
   * @param source the file name or another label of the input, not null
   * @param line the 1-based line number, or 0 if the problem concerns the whole input
   * @param reason what is wrong, not null
   */
  public MalformedDataException(String source, long line, String reason) {
    super(line > 0 ? source + " line " + line + ": " + reason : source + ": " + reason);
    this.source = source;
    this.line = line;
    this.reason = reason;
  }

  /** {@return the file name or label of the input} */
  public String source() {
    return source;
  }

  /** {@return the 1-based line number, or 0 when the problem concerns the whole input} */
  public long line() {
    return line;
  }

  /** {@return what is wrong, without the source and line} */
  public String reason() {
    return reason;
  }
}
