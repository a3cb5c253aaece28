package io.github.kindred.eval.experiment;

import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * A parsed algorithm specification: what the user wrote, the algorithm's name and every parameter with its value
 * (given or default). Produced by {@link AlgorithmRegistry#parse(String)}. Immutable.
 *
 * @param text the specification as written (trimmed), used as the algorithm's label in reports
 * @param name the registered algorithm name
 * @param parameters every allowed key with its resolved value, in the registry's order
 */
public record AlgorithmSpec(String text, String name, Map<String, String> parameters) {
  /** Validates and copies the fields. */
  public AlgorithmSpec {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(name, "name");
    parameters = Map.copyOf(parameters);
  }

  /** The full configuration, {@code name:key=value,...} with every key, defaults included, in sorted key order. */
  public String canonical() {
    if (parameters.isEmpty()) {
      return name;
    }
    StringJoiner j = new StringJoiner(",", name + ":", "");
    parameters.keySet().stream().sorted().forEach(k -> j.add(k + "=" + parameters.get(k)));
    return j.toString();
  }
}
