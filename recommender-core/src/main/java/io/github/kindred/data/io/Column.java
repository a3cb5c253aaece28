package io.github.kindred.data.io;

/**
 * A column of a delimited file, chosen either by its header name or by its 0-based position. Immutable.
 *
 * @param name the header name, or null when the column is chosen by position
 * @param position the 0-based position, or -1 when the column is chosen by name
 */
public record Column(String name, int position) {
  /**
   * Checks that exactly one of name and position is given.
   *
   * @param name the header name, or null when the column is chosen by position
   * @param position the 0-based position, or -1 when the column is chosen by name
   */
  public Column {
    if (name == null) {
      if (position < 0) {
        throw new IllegalArgumentException("column position must be >= 0, got " + position);
      }
    } else {
      if (name.isBlank()) {
        throw new IllegalArgumentException("column name must not be blank");
      }
      if (position != -1) {
        throw new IllegalArgumentException(
            "column '" + name + "' is chosen by name, so its position must be -1, got " + position);
      }
    }
  }

  /**
   * The column whose header is {@code name}.
   *
   * @param name the header name, not blank; the format must have a header line
   * @return the column
   * @throws IllegalArgumentException if {@code name} is null or blank
   */
  public static Column named(String name) {
    if (name == null) {
      throw new IllegalArgumentException("column name must not be null");
    }
    return new Column(name, -1);
  }

  /**
   * The column at 0-based {@code position}.
   *
   * @param position the 0-based position, &gt;= 0
   * @return the column
   * @throws IllegalArgumentException if {@code position} is negative
   */
  public static Column at(int position) {
    return new Column(null, position);
  }

  /** {@return whether the column is chosen by header name} */
  public boolean byName() {
    return name != null;
  }

  @Override
  public String toString() {
    return name != null ? "'" + name + "'" : "#" + position;
  }
}
