package io.github.kindred.eval.experiment;

import io.github.kindred.data.Dataset;
import io.github.kindred.data.InteractionMatrix;
import io.github.kindred.knn.ItemKnnConfig;
import io.github.kindred.knn.ItemKnnTrainer;
import io.github.kindred.knn.Similarity;
import io.github.kindred.model.Model;
import io.github.kindred.model.Trainer;
import io.github.kindred.popularity.PopularityTrainer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The algorithms the evaluation tools know by name, each with its allowed parameters and their defaults, and a
 * factory from parameters to a {@link Trainer}. Specifications have the form {@code name} or
 * {@code name:key=value,key=value} (for example {@code itemknn:neighbors=200,similarity=jaccard}).
 *
 * <p><b>Adding an algorithm</b> takes one entry in {@link #standard()}: a name, a one-line description, the
 * allowed keys with their default values (as strings), and a factory that reads them from {@link Parameters} and
 * builds the trainer. Invalid values are rejected by {@link Parameters} or by the algorithm's configuration record
 * and reported with the algorithm's name. Registries are immutable and safe to share between threads;
 * {@link #with(Entry)} returns an extended copy for algorithms defined outside this module.
 */
public final class AlgorithmRegistry {
  private final Map<String, Entry> entries;

  private AlgorithmRegistry(Map<String, Entry> entries) {
    this.entries = entries;
  }

  /**
   * The algorithms of the library, in the order the tools list them. Every default is the default of the
   * algorithm's configuration record ({@code ImplicitAlsConfig.defaults()} and so on), read when this is called.
   * Composite algorithms ({@code hybrid}, {@code prefilter}, {@code postfilter}) take other specifications as
   * values: a bare name ({@code itemknn}) or a specification in square brackets
   * ({@code [itemknn:neighbors=100,similarity=jaccard]}); lists of them are joined with {@code +}.
   */
  public static AlgorithmRegistry standard() {
    return empty()
        .with(new Entry("popularity", "number of distinct users per item, the same list for everyone",
            defaults(), p -> new PopularityTrainer()))
        .with(new Entry("itemknn", "item-based nearest neighbours over the binary interaction matrix; "
            + "similarity and alpha 'auto' follow the data (cosine if dense, asymmetric alpha 0.1 if sparse)",
            defaults("neighbors", "200", "shrinkage", "0", "similarity", StandardEntries.AUTO,
                "threads", Integer.toString(Runtime.getRuntime().availableProcessors()), "alpha",
                StandardEntries.AUTO),
            p -> new ItemKnnTrainer(new ItemKnnConfig(p.intValue("neighbors"),
                p.choice("similarity", Similarity.class), p.floatValue("shrinkage"), p.intValue("threads"),
                p.floatValue("alpha"))), StandardEntries::itemKnnAuto))
        .with(StandardEntries.userKnn())
        .with(StandardEntries.trending())
        .with(StandardEntries.ials())
        .with(StandardEntries.bpr())
        .with(StandardEntries.ease())
        .with(StandardEntries.graphFilter())
        .with(StandardEntries.rp3beta())
        .with(StandardEntries.baseline())
        .with(StandardEntries.biasedMf())
        .with(StandardEntries.als())
        .with(StandardEntries.content())
        .with(StandardEntries.featureMf())
        .with(StandardEntries.hybrid())
        .with(StandardEntries.fm())
        .with(StandardEntries.postFilter())
        .with(StandardEntries.preFilter())
        .with(RepeatEntries.tifuKnn())
        .with(RepeatEntries.personalFrequency())
        .with(RepeatEntries.sessionKnn())
        .with(RepeatEntries.markov());
  }

  /** A registry with no algorithms. */
  public static AlgorithmRegistry empty() {
    return new AlgorithmRegistry(Map.of());
  }

  /**
   * Returns a copy of this registry with {@code entry} added.
   *
   * @throws IllegalArgumentException if an algorithm of that name is already registered
   */
  public AlgorithmRegistry with(Entry entry) {
    Objects.requireNonNull(entry, "entry");
    if (entries.containsKey(entry.name())) {
      throw new IllegalArgumentException("algorithm '" + entry.name() + "' is already registered");
    }
    Map<String, Entry> copy = new LinkedHashMap<>(entries);
    copy.put(entry.name(), entry);
    return new AlgorithmRegistry(Collections.unmodifiableMap(copy));
  }

  /** The registered algorithm names, in registration order. */
  public List<String> names() {
    return List.copyOf(entries.keySet());
  }

  /** The registered algorithms, in registration order. */
  public List<Entry> entries() {
    return List.copyOf(entries.values());
  }

  /**
   * Parses a specification, filling unspecified keys with their defaults.
   *
   * @throws IllegalArgumentException with a one-line message (listing the valid names or keys) if the name is
   *     unknown, a key is unknown or repeated, or a parameter is not of the form {@code key=value}
   */
  public AlgorithmSpec parse(String spec) {
    Objects.requireNonNull(spec, "spec");
    Map<String, Map<String, String>> table = new LinkedHashMap<>();
    entries.forEach((name, entry) -> table.put(name, entry.defaults()));
    SpecParser.Parsed p = SpecParser.parse(spec, "algorithm", table);
    return new AlgorithmSpec(p.text(), p.name(), p.values());
  }

  /**
   * Parses {@code spec} and builds its trainer.
   *
   * @throws IllegalArgumentException with a one-line message naming the algorithm if the specification or a value
   *     is invalid
   */
  public Trainer<?> create(String spec) {
    return create(parse(spec));
  }

  /**
   * Builds the trainer of a parsed specification.
   *
   * @throws IllegalArgumentException with a one-line message naming the algorithm if a value is invalid
   */
  public Trainer<?> create(AlgorithmSpec spec) {
    Entry entry = entry(spec);
    AlgorithmSpec known = resolve(spec, entry, null);
    if (!hasAuto(known)) {
      return build(spec.name(), known.parameters(), this, entry.factory()::create);
    }
    // Fail now on a bad given value, naming it, by building once against a nominal shape.
    build(spec.name(), resolve(spec, entry, NOMINAL).parameters(), this, entry.factory()::create);
    Trainer<Model> adaptive = data -> {
      AlgorithmSpec used = resolve(spec, data);
      return build(spec.name(), used.parameters(), this, entry.factory()::create).fit(data);
    };
    return adaptive;
  }

  /** The shape {@link #create(AlgorithmSpec)} checks given values against: MovieLens 100K's. */
  private static final DataShape NOMINAL = new DataShape(943, 1682, 100_000);

  /**
   * Replaces the {@code auto} values of {@code spec} by the settings its algorithm derives from the statistics of
   * {@code data} (for example {@code ImplicitAlsConfig.forData}), so that {@link AlgorithmSpec#canonical()} shows
   * the settings a fit on {@code data} uses. Specifications without {@code auto} values come back unchanged.
   *
   * @param spec a parsed specification
   * @param data the training data the trainer will be fitted on
   * @return the specification with every derivable value filled in, the same text
   * @throws IllegalArgumentException if the algorithm is unknown or a given value is invalid
   */
  public AlgorithmSpec resolve(AlgorithmSpec spec, Dataset data) {
    InteractionMatrix m = data.matrix();
    return resolve(spec, entry(spec), new DataShape(Math.max(1, m.rows()), Math.max(1, m.columns()), m.nnz()));
  }

  private AlgorithmSpec resolve(AlgorithmSpec spec, Entry entry, DataShape shape) {
    if (entry.resolver() == null || !hasAuto(spec)) {
      return spec;
    }
    Map<String, String> values = build(spec.name(), spec.parameters(), null,
        p -> entry.resolver().resolve(p, shape));
    return new AlgorithmSpec(spec.text(), spec.name(), values);
  }

  private static boolean hasAuto(AlgorithmSpec spec) {
    return spec.parameters().containsValue(StandardEntries.AUTO);
  }

  private Entry entry(AlgorithmSpec spec) {
    Entry entry = entries.get(spec.name());
    if (entry == null) {
      throw new IllegalArgumentException(
          "unknown algorithm '" + spec.name() + "'; valid: " + String.join(", ", names()));
    }
    return entry;
  }

  /**
   * The statistics of the training data that data-derived settings are picked from.
   *
   * @param users rows of the training matrix, at least 1
   * @param items columns of the training matrix, at least 1
   * @param interactions stored cells, at least 0
   */
  public record DataShape(int users, int items, long interactions) {}

  /** Fills in the {@code auto} values of one algorithm's parameters from the data's statistics. */
  @FunctionalInterface
  public interface Resolver {
    /**
     * The parameters with {@code auto} values replaced where {@code shape} allows it.
     *
     * @param parameters the parameters as given, {@code auto} where the data should decide
     * @param shape the data's statistics, or null when no data is known yet (then only values that do not depend
     *     on the data, such as an exponent the chosen similarity ignores, are filled in)
     * @return every key with its value, {@code auto} left only when {@code shape} is null
     * @throws IllegalArgumentException if a given value is invalid
     */
    Map<String, String> resolve(Parameters parameters, DataShape shape);
  }

  /** Runs {@code factory}, prefixing its error messages with {@code name} so that they say what was wrong. */
  static <T> T build(String name, Map<String, String> values, java.util.function.Function<Parameters, T> factory) {
    return build(name, values, null, factory);
  }

  /**
   * As {@link #build(String, Map, java.util.function.Function)}, resolving nested specifications in
   * {@code registry} (null: none allowed).
   */
  static <T> T build(String name, Map<String, String> values, AlgorithmRegistry registry,
      java.util.function.Function<Parameters, T> factory) {
    try {
      return factory.apply(new Parameters(name, values, registry));
    } catch (IllegalArgumentException e) {
      String message = e.getMessage();
      throw new IllegalArgumentException(
          message != null && message.startsWith(name + ":") ? message : name + ": " + message, e);
    }
  }

  private static Map<String, String> defaults(String... keyValues) {
    return SpecParser.defaults(keyValues);
  }

  /** Builds a trainer from validated parameters. */
  @FunctionalInterface
  public interface Factory {
    /**
     * Creates the trainer.
     *
     * @throws IllegalArgumentException if a value is invalid
     */
    Trainer<?> create(Parameters parameters);
  }

  /**
   * One registered algorithm.
   *
   * @param name the lower-case name used in specifications
   * @param description one line for help output
   * @param defaults every allowed key (lower case) with its default value, in listing order
   * @param factory builds the trainer
   * @param resolver fills in {@code auto} values from the data, or null if the algorithm has none
   */
  public record Entry(String name, String description, Map<String, String> defaults, Factory factory,
      Resolver resolver) {
    /**
     * An entry whose values do not depend on the data.
     *
     * @param name see the record components
     * @param description see the record components
     * @param defaults see the record components
     * @param factory see the record components
     */
    public Entry(String name, String description, Map<String, String> defaults, Factory factory) {
      this(name, description, defaults, factory, null);
    }

    /** Validates and copies the fields. */
    public Entry {
      Objects.requireNonNull(name, "name");
      if (name.isBlank() || !name.equals(name.toLowerCase(Locale.ROOT)) || name.contains(":")) {
        throw new IllegalArgumentException("algorithm name must be non-blank lower case without ':', got '"
            + name + "'");
      }
      Objects.requireNonNull(description, "description");
      defaults = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(defaults, "defaults")));
      Objects.requireNonNull(factory, "factory");
    }
  }

  /** The resolved parameters of one specification, with typed accessors whose errors name the key and value. */
  public static final class Parameters {
    private final String algorithm;
    private final Map<String, String> values;
    private final AlgorithmRegistry registry;

    /**
     * Every key with its value, in the registry's order.
     *
     * @return a fresh, modifiable copy
     */
    public Map<String, String> values() {
      return new LinkedHashMap<>(values);
    }

    Parameters(String algorithm, Map<String, String> values, AlgorithmRegistry registry) {
      this.algorithm = algorithm;
      this.values = values;
      this.registry = registry;
    }

    /**
     * The value of {@code key} as a nested algorithm specification ({@code name} or {@code [name:key=value,...]}),
     * built into its trainer by the registry that parsed this specification.
     *
     * @throws IllegalArgumentException if the nested specification is invalid (the message names {@code key})
     */
    public Trainer<?> trainer(String key) {
      return nested(key, SpecParser.unbracket(get(key)));
    }

    /**
     * The value of {@code key} as a list of nested specifications joined with {@code +} (brackets protect a
     * {@code +} inside one), each built into its trainer. An empty value gives an empty list.
     */
    public List<Trainer<?>> trainers(String key) {
      List<Trainer<?>> out = new ArrayList<>();
      String v = get(key);
      if (v.isBlank()) {
        return out;
      }
      for (String part : SpecParser.splitTopLevel(v, '+', v)) {
        out.add(nested(key, SpecParser.unbracket(part)));
      }
      return out;
    }

    /**
     * The value of {@code key} as a list of finite floats joined with {@code +}; an empty value gives an empty
     * array.
     */
    public float[] floatList(String key) {
      String v = get(key);
      if (v.isBlank()) {
        return new float[0];
      }
      String[] parts = v.split("\\+", -1);
      float[] out = new float[parts.length];
      for (int i = 0; i < parts.length; i++) {
        try {
          out[i] = Float.parseFloat(parts[i].trim());
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(algorithm + ": " + key + " must be numbers joined with '+', got '" + v
              + "'", e);
        }
        if (!Float.isFinite(out[i])) {
          throw new IllegalArgumentException(algorithm + ": " + key + " must be finite, got '" + v + "'");
        }
      }
      return out;
    }

    /** The value of {@code key} as names joined with {@code +}, trimmed; an empty value gives an empty list. */
    public List<String> nameList(String key) {
      String v = get(key);
      List<String> out = new ArrayList<>();
      if (v.isBlank()) {
        return out;
      }
      for (String part : v.split("\\+", -1)) {
        if (part.isBlank()) {
          throw new IllegalArgumentException(algorithm + ": " + key + " has an empty name in '" + v + "'");
        }
        out.add(part.trim());
      }
      return out;
    }

    private Trainer<?> nested(String key, String spec) {
      if (registry == null) {
        throw new IllegalArgumentException(algorithm + ": " + key + " cannot hold an algorithm here");
      }
      try {
        return registry.create(spec);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(algorithm + ": " + key + " '" + spec + "': " + e.getMessage(), e);
      }
    }

    /**
     * The raw value of {@code key}.
     *
     * @throws IllegalArgumentException if the key is not one of the algorithm's
     */
    public String get(String key) {
      String v = values.get(key);
      if (v == null) {
        throw new IllegalArgumentException(algorithm + ": no parameter '" + key + "'");
      }
      return v;
    }

    /** The value of {@code key} as an int. */
    public int intValue(String key) {
      try {
        return Integer.parseInt(get(key));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(algorithm + ": " + key + " must be an integer, got '" + get(key) + "'", e);
      }
    }

    /** The value of {@code key} as a long. */
    public long longValue(String key) {
      try {
        return Long.parseLong(get(key));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(algorithm + ": " + key + " must be an integer, got '" + get(key) + "'", e);
      }
    }

    /** The value of {@code key} as a finite float. */
    public float floatValue(String key) {
      float v;
      try {
        v = Float.parseFloat(get(key));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(algorithm + ": " + key + " must be a number, got '" + get(key) + "'", e);
      }
      if (!Float.isFinite(v)) {
        throw new IllegalArgumentException(algorithm + ": " + key + " must be finite, got '" + get(key) + "'");
      }
      return v;
    }

    /** The value of {@code key} as a finite double. */
    public double doubleValue(String key) {
      double v;
      try {
        v = Double.parseDouble(get(key));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(algorithm + ": " + key + " must be a number, got '" + get(key) + "'", e);
      }
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException(algorithm + ": " + key + " must be finite, got '" + get(key) + "'");
      }
      return v;
    }

    /** The value of {@code key} as a boolean ({@code true} or {@code false}, any case). */
    public boolean booleanValue(String key) {
      String v = get(key);
      if (v.equalsIgnoreCase("true")) {
        return true;
      }
      if (v.equalsIgnoreCase("false")) {
        return false;
      }
      throw new IllegalArgumentException(algorithm + ": " + key + " must be true or false, got '" + v + "'");
    }

    /** The value of {@code key} as a constant of {@code type}, matched case-insensitively, '-' read as '_'. */
    public <E extends Enum<E>> E choice(String key, Class<E> type) {
      String v = get(key);
      List<String> valid = new ArrayList<>();
      for (E e : type.getEnumConstants()) {
        String label = e.name().toLowerCase(Locale.ROOT).replace('_', '-');
        if (label.equalsIgnoreCase(v.replace('_', '-'))) {
          return e;
        }
        valid.add(label);
      }
      throw new IllegalArgumentException(
          algorithm + ": " + key + " must be one of " + String.join(", ", valid) + ", got '" + v + "'");
    }
  }
}
