package io.github.kindred.data;

import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The event types of an interaction log and the weight of each: an event's value in the interaction matrix is its
 * raw value times its type's weight.
 *
 * <p>{@link #defaults()} has {@code view} 1, {@code click} 2, {@code cart} 4, {@code purchase} 8 and
 * {@code rating} 1; use {@link #with(String, float)} to change a weight or add a user-defined type. Immutable.
 */
public final class EventTypes {
  /** The type of events added without one. */
  public static final String DEFAULT = "rating";

  private final String[] names;
  private final float[] weights;
  private final Object2IntOpenHashMap<String> codes;

  private EventTypes(String[] names, float[] weights) {
    this.names = names;
    this.weights = weights;
    this.codes = new Object2IntOpenHashMap<>();
    codes.defaultReturnValue(-1);
    for (int i = 0; i < names.length; i++) {
      codes.put(names[i], i);
    }
  }

  /** {@return the default types: view 1, click 2, cart 4, purchase 8, rating 1} */
  public static EventTypes defaults() {
    return new EventTypes(
        new String[] {DEFAULT, "view", "click", "cart", "purchase"}, new float[] {1f, 1f, 2f, 4f, 8f});
  }

  /**
   * Returns a copy with {@code name} weighted by {@code weight}, adding the type if it is new.
   *
   * @param name the type name, not blank
   * @param weight the multiplier of the type's raw values, finite and &gt;= 0 (0 keeps the events in the log but
   *     gives them no weight in the matrix)
   * @return the new types; this object is unchanged and existing codes keep their meaning
   * @throws IllegalArgumentException if the weight is negative, NaN or infinite, or the name is blank
   * @throws NullPointerException if {@code name} is null
   */
  public EventTypes with(String name, float weight) {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("event type name must not be blank");
    }
    if (!(weight >= 0) || Float.isInfinite(weight)) {
      throw new IllegalArgumentException(
          "weight of event type '" + name + "' must be finite and >= 0, got " + weight);
    }
    int code = codes.getInt(name);
    if (code >= 0) {
      float[] w = weights.clone();
      w[code] = weight;
      return new EventTypes(names, w);
    }
    List<String> n = new ArrayList<>(Arrays.asList(names));
    n.add(name);
    float[] w = Arrays.copyOf(weights, weights.length + 1);
    w[weights.length] = weight;
    return new EventTypes(n.toArray(String[]::new), w);
  }

  /**
   * {@return the code of type {@code name}, in [0, {@link #size()}), or -1 if the type is unknown}
   *
   * @param name the type name
   */
  public int code(String name) {
    return codes.getInt(name);
  }

  /**
   * {@return the name of the type with this code}
   *
   * @param code the code, in [0, {@link #size()})
   */
  public String name(int code) {
    return names[code];
  }

  /**
   * {@return the weight of the type with this code, finite and &gt;= 0}
   *
   * @param code the code, in [0, {@link #size()})
   */
  public float weight(int code) {
    return weights[code];
  }

  /** {@return number of types} */
  public int size() {
    return names.length;
  }
}
