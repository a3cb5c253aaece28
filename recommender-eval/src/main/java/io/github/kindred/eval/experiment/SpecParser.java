package io.github.kindred.eval.experiment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses {@code name} or {@code name:key=value,...} against a table of names and their allowed keys with defaults;
 * keys match case-insensitively and are reported in their registered spelling (such as {@code learningRate});
 * commas inside square brackets belong to the value (a nested specification). Shared by {@link AlgorithmRegistry}
 * and {@link Splitters} so that both speak the same syntax and errors.
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
      for (String pair : splitTopLevel(text.substring(colon + 1), ',', text)) {
        int eq = pair.indexOf('=');
        if (eq <= 0 || eq == pair.length() - 1) {
          throw new IllegalArgumentException(
              "malformed parameter '" + pair.trim() + "' in '" + text + "'; expected key=value");
        }
        String key = canonicalKey(defaults, pair.substring(0, eq).trim());
        String value = pair.substring(eq + 1).trim();
        if (key == null) {
          throw new IllegalArgumentException("unknown key '" + pair.substring(0, eq).trim() + "' for " + name
              + "; valid: " + (defaults.isEmpty() ? "(none)" : String.join(", ", defaults.keySet())));
        }
        if (given.put(key, value) != null) {
          throw new IllegalArgumentException("key '" + key + "' given twice in '" + text + "'");
        }
        values.put(key, value);
      }
    }
    return new Parsed(text, name, Collections.unmodifiableMap(values));
  }

  /** The registered spelling of {@code key}, matched case-insensitively, or null if it is not allowed. */
  private static String canonicalKey(Map<String, String> defaults, String key) {
    for (String k : defaults.keySet()) {
      if (k.equalsIgnoreCase(key)) {
        return k;
      }
    }
    return null;
  }

  /**
   * Splits {@code text} at every {@code separator} outside square brackets, so that a value may hold a nested
   * specification such as {@code [itemknn:neighbors=100,similarity=jaccard]}; the parts keep their brackets.
   *
   * @param context the whole specification, for messages
   * @throws IllegalArgumentException if the brackets do not balance
   */
  static List<String> splitTopLevel(String text, char separator, String context) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '[') {
        depth++;
      } else if (c == ']') {
        depth--;
        if (depth < 0) {
          throw new IllegalArgumentException("unbalanced ']' in '" + context + "'");
        }
      } else if (c == separator && depth == 0) {
        out.add(text.substring(start, i));
        start = i + 1;
      }
    }
    if (depth != 0) {
      throw new IllegalArgumentException("unbalanced '[' in '" + context + "'");
    }
    out.add(text.substring(start));
    return out;
  }

  /** {@code text} trimmed, without one pair of enclosing square brackets if it has them. */
  static String unbracket(String text) {
    String t = text.trim();
    return t.length() >= 2 && t.charAt(0) == '[' && t.charAt(t.length() - 1) == ']'
        ? t.substring(1, t.length() - 1).trim() : t;
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
