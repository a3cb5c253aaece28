package io.github.kindred.eval;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Parses {@code name} or {@code name:key=value,...} against a table of names and their allowed keys with defaults;
 * shared by {@link AlgorithmRegistry} and {@link Splitters} so that both speak the same syntax and errors.
 */
final class SpecParser {
  private SpecParser() {}

  /** A parsed specification: the trimmed text, the lower-case name and every allowed key with its value. */
  record Parsed(String text, String name, Map<String, String> values) {}

  /**
   * Parses {@code spec}.
   *
   * @param kind what the names are, for messages ("algorithm", "split")
   * @param table every valid name with its keys and default values, in listing order
   * @throws IllegalArgumentException with a one-line message listing the valid names or keys
   */
  static Parsed parse(String spec, String kind, Map<String, Map<String, String>> table) {
    String text = spec.trim();
    int colon = text.indexOf(':');
    String name = (colon < 0 ? text : text.substring(0, colon)).trim().toLowerCase(Locale.ROOT);
    Map<String, String> defaults = table.get(name);
    if (defaults == null) {
      throw new IllegalArgumentException(
          "unknown " + kind + " '" + name + "'; valid: " + String.join(", ", table.keySet()));
    }
    Map<String, String> values = new LinkedHashMap<>(defaults);
    Map<String, String> given = new LinkedHashMap<>();
    if (colon >= 0 && !text.substring(colon + 1).isBlank()) {
      for (String pair : text.substring(colon + 1).split(",", -1)) {
        int eq = pair.indexOf('=');
        if (eq <= 0 || eq == pair.length() - 1) {
          throw new IllegalArgumentException(
              "malformed parameter '" + pair.trim() + "' in '" + text + "'; expected key=value");
        }
        String key = pair.substring(0, eq).trim().toLowerCase(Locale.ROOT);
        String value = pair.substring(eq + 1).trim();
        if (!defaults.containsKey(key)) {
          throw new IllegalArgumentException("unknown key '" + key + "' for " + name + "; valid: "
              + (defaults.isEmpty() ? "(none)" : String.join(", ", defaults.keySet())));
        }
        if (given.put(key, value) != null) {
          throw new IllegalArgumentException("key '" + key + "' given twice in '" + text + "'");
        }
        values.put(key, value);
      }
    }
    return new Parsed(text, name, Collections.unmodifiableMap(values));
  }

  /** Default values as alternating key, value strings, in the order they are listed in errors and reports. */
  static Map<String, String> defaults(String... keyValues) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      out.put(keyValues[i], keyValues[i + 1]);
    }
    return Collections.unmodifiableMap(out);
  }
}
