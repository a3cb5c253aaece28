package io.github.kindred.context;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Configuration of contextual pre-filtering.
 *
 * @param slices the slice definitions: each is a non-empty set of context feature names, such as {@code [task]} or
 *     {@code [task, timeOfDay]}; a slice is one combination of values of a definition's features. Copied; at least
 *     one definition, no repeated names within a definition, no repeated definition
 * @param minEvents the least number of training events a slice needs to get its own model, at least 1
 * @param binary whether slice datasets are binarised ({@code Dataset.Builder#binary}), as the usual implicit top-N
 *     protocol does; slice datasets combine repeated (user, item) events by summing their weighted values
 */
public record PreFilterConfig(List<List<String>> slices, int minEvents, boolean binary) {
  /**
   * Validates every parameter.
   *
   * @param slices the slice definitions: each is a non-empty set of context feature names, such as {@code [task]} or {@code [task, timeOfDay]}; a slice is one combination of values of a definition's features. Copied; at least one definition, no repeated names within a definition, no repeated definition
   * @param minEvents the least number of training events a slice needs to get its own model, at least 1
   * @param binary whether slice datasets are binarised ({@code Dataset.Builder#binary}), as the usual implicit top-N protocol does; slice datasets combine repeated (user, item) events by summing their weighted values
   */
  public PreFilterConfig {
    Objects.requireNonNull(slices, "slices");
    List<List<String>> copy = new ArrayList<>();
    for (List<String> s : slices) {
      List<String> names = List.copyOf(Objects.requireNonNull(s, "slice definition"));
      if (names.isEmpty()) {
        throw new IllegalArgumentException("a slice definition needs at least one context feature");
      }
      if (names.stream().distinct().count() != names.size()) {
        throw new IllegalArgumentException("slice definition " + names + " repeats a feature");
      }
      for (List<String> other : copy) {
        if (other.size() == names.size() && other.containsAll(names)) {
          throw new IllegalArgumentException("slice definition " + names + " is given twice");
        }
      }
      copy.add(names);
    }
    if (copy.isEmpty()) {
      throw new IllegalArgumentException("slices must hold at least one definition");
    }
    slices = List.copyOf(copy);
    if (minEvents < 1) {
      throw new IllegalArgumentException("minEvents must be >= 1, got " + minEvents);
    }
  }

  /**
   * Slices by each single feature given, at least 500 events per slice, binarised.
   *
   * @param features the context feature names, at least one, none repeated; each becomes a one-feature definition
   * @return the configuration
   * @throws IllegalArgumentException if no feature is given or one repeats
   */
  public static PreFilterConfig byEach(String... features) {
    List<List<String>> s = new ArrayList<>();
    for (String f : features) {
      s.add(List.of(f));
    }
    return new PreFilterConfig(s, 500, true);
  }

  /**
   * Returns a copy with another least slice size.
   *
   * @param minEvents the least number of training events a slice needs to get its own model, at least 1
   * @return a new configuration equal to this one except for {@code minEvents}; this record is unchanged
   */
  public PreFilterConfig withMinEvents(int minEvents) {
    return new PreFilterConfig(slices, minEvents, binary);
  }

  /**
   * Returns a copy with one more slice definition over the given features together, for example
   * {@code withSlice("task", "timeOfDay")}.
   *
   * @param features the context feature names of the definition, at least one, none repeated
   * @return a new configuration; this record is unchanged
   * @throws IllegalArgumentException if the definition is empty, repeats a name or repeats an existing definition
   */
  public PreFilterConfig withSlice(String... features) {
    List<List<String>> s = new ArrayList<>(slices);
    s.add(List.of(features));
    return new PreFilterConfig(s, minEvents, binary);
  }

  /**
   * Returns a copy with another binarisation setting.
   *
   * @param binary whether slice datasets are binarised ({@code Dataset.Builder#binary}), as the usual implicit top-N protocol does; slice datasets combine repeated (user, item) events by summing their weighted values
   * @return a new configuration equal to this one except for {@code binary}; this record is unchanged
   */
  public PreFilterConfig withBinary(boolean binary) {
    return new PreFilterConfig(slices, minEvents, binary);
  }
}
