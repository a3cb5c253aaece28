package io.github.kindred.data;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A set of named context features, such as {@code hour=night} or {@code district=north}, attached to an interaction
 * or to a request. Immutable; names are unique and kept in sorted order, so equal contexts are equal objects.
 */
public final class Context {
  /** The context with no features. */
  public static final Context EMPTY = new Context(new String[0], new String[0]);

  private final String[] names;
  private final String[] values;

  private Context(String[] names, String[] values) {
    this.names = names;
    this.values = values;
  }

  /**
   * Returns a context from alternating names and values, for example {@code Context.of("hour", "night")}.
   *
   * @param namesAndValues name, value, name, value ...; names in any order
   * @return the context, {@link #EMPTY} if no pairs are given
   * @throws IllegalArgumentException if the count is odd, a name repeats, or a name or value is blank
   * @throws NullPointerException if a name or value is null
   */
  public static Context of(String... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("context needs name-value pairs, got an odd count");
    }
    Map<String, String> map = new TreeMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      if (map.put(check(namesAndValues[i], "name"), check(namesAndValues[i + 1], "value")) != null) {
        throw new IllegalArgumentException("context feature '" + namesAndValues[i] + "' given twice");
      }
    }
    return of(map);
  }

  /**
   * Returns a context holding the entries of {@code map}.
   *
   * @param map feature names to values, none null or blank; read, not kept
   * @return the context, {@link #EMPTY} if the map is empty
   * @throws IllegalArgumentException if a name or value is blank
   * @throws NullPointerException if the map, a name or a value is null
   */
  public static Context of(Map<String, String> map) {
    if (map.isEmpty()) {
      return EMPTY;
    }
    TreeMap<String, String> sorted = new TreeMap<>();
    map.forEach((k, v) -> sorted.put(check(k, "name"), check(v, "value")));
    return new Context(
        sorted.keySet().toArray(String[]::new), sorted.values().toArray(String[]::new));
  }

  private static String check(String s, String what) {
    Objects.requireNonNull(s, "context " + what);
    if (s.isBlank()) {
      throw new IllegalArgumentException("context " + what + " must not be blank");
    }
    return s;
  }

  /**
   * {@return the value of feature {@code name}, or null if this context does not have it}
   *
   * @param name the feature name, not null
   */
  public String get(String name) {
    int i = Arrays.binarySearch(names, name);
    return i >= 0 ? values[i] : null;
  }

  /**
   * Returns a copy with {@code name} set to {@code value}, replacing an earlier value; this context is unchanged.
   *
   * @param name the feature name, not blank
   * @param value the value, not blank
   * @return the new context
   * @throws IllegalArgumentException if {@code name} or {@code value} is blank
   * @throws NullPointerException if {@code name} or {@code value} is null
   */
  public Context with(String name, String value) {
    Map<String, String> map = asMap();
    map.put(name, value);
    return of(map);
  }

  /**
   * Returns a copy holding only the named features that this context has, for example to drop features a model
   * was not trained on.
   *
   * @param keep the names to keep; names this context lacks are ignored
   * @return the new context, possibly {@link #EMPTY}
   */
  public Context only(String... keep) {
    Map<String, String> map = new TreeMap<>();
    for (String k : keep) {
      String v = get(k);
      if (v != null) {
        map.put(k, v);
      }
    }
    return of(map);
  }

  /** {@return number of features} */
  public int size() {
    return names.length;
  }

  /** {@return whether this context has no features} */
  public boolean isEmpty() {
    return names.length == 0;
  }

  /**
   * {@return the feature name at position {@code i}; names are in ascending order}
   *
   * @param i the position, in [0, {@link #size()})
   */
  public String name(int i) {
    return names[i];
  }

  /**
   * {@return the value of the feature at position {@code i}}
   *
   * @param i the position, in [0, {@link #size()})
   */
  public String value(int i) {
    return values[i];
  }

  /** {@return the features as a new sorted, modifiable map} */
  public Map<String, String> asMap() {
    Map<String, String> map = new TreeMap<>();
    for (int i = 0; i < names.length; i++) {
      map.put(names[i], values[i]);
    }
    return map;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Context c && Arrays.equals(names, c.names) && Arrays.equals(values, c.values);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(names) + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return asMap().toString();
  }
}
