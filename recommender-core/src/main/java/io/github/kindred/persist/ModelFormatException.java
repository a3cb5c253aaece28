package io.github.kindred.persist;

import java.io.IOException;

/**
 * A model file or stream that cannot be loaded: not a Kindred model, truncated, corrupted (checksum mismatch), written
 * by a newer format version, for an algorithm no codec is registered for, or internally inconsistent. The message
 * names the problem.
 */
public final class ModelFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception with a message naming the problem.
   *
   * @param message the problem, with the file or algorithm it concerns
   */
  public ModelFormatException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a message naming the problem and the underlying cause.
   *
   * @param message the problem, with the file or algorithm it concerns
   * @param cause the exception that revealed it, for example a validation failure of a configuration record
   */
  public ModelFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
