package io.github.kindred.eval.experiment;

import io.github.kindred.eval.split.ColdStart;
import io.github.kindred.eval.split.KFold;
import io.github.kindred.eval.split.RandomHoldout;
import io.github.kindred.eval.split.Splitter;
import io.github.kindred.eval.split.StrongGeneralization;
import io.github.kindred.eval.split.TemporalSplit;
import io.github.kindred.eval.split.UserHoldout;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Builds {@link Splitter}s from specifications in the syntax of algorithms ({@code name:key=value,...}), for the
 * command-line tool and experiment configurations. Names and keys (defaults in brackets):
 *
 * <ul>
 *   <li>{@code random:ratio=[0.2]}: {@link RandomHoldout};
 *   <li>{@code user-ratio:ratio=[0.2],order=[random]|recent}: {@link UserHoldout#ratio};
 *   <li>{@code user-leave-out:count=[1],order=[recent]|random}: {@link UserHoldout#leaveOut};
 *   <li>{@code temporal:ratio=[0.2]} or {@code temporal:time=SECONDS}: {@link TemporalSplit};
 *   <li>{@code strong:users=[0.2],foldin=[0.5]}: {@link StrongGeneralization};
 *   <li>{@code kfold:folds=[5],fold=[0]}: {@link KFold};
 *   <li>{@code cold-items:ratio=[0.2]} and {@code cold-users:ratio=[0.2]}: {@link ColdStart}.
 * </ul>
 *
 * <p>The seed is given separately so that one specification can be run with several seeds.
 */
public final class Splitters {
  private static final Map<String, Map<String, String>> TABLE = new LinkedHashMap<>();
  private static final Map<String, Function<Seeded, Splitter>> FACTORIES = new LinkedHashMap<>();

  static {
    add("random", p -> new RandomHoldout(p.values.doubleValue("ratio"), p.seed), "ratio", "0.2");
    add("user-ratio", p -> UserHoldout.ratio(p.values.doubleValue("ratio"),
        p.values.choice("order", UserHoldout.Order.class), p.seed), "ratio", "0.2", "order", "random");
    add("user-leave-out", p -> UserHoldout.leaveOut(p.values.intValue("count"),
        p.values.choice("order", UserHoldout.Order.class), p.seed), "count", "1", "order", "recent");
    add("temporal", p -> p.values.get("time").isEmpty() ? TemporalSplit.ratio(p.values.doubleValue("ratio"))
        : TemporalSplit.at(p.values.longValue("time")), "ratio", "0.2", "time", "");
    add("strong", p -> new StrongGeneralization(p.values.doubleValue("users"), p.values.doubleValue("foldin"),
        p.seed), "users", "0.2", "foldin", "0.5");
    add("kfold", p -> new KFold(p.values.intValue("folds"), p.values.intValue("fold"), p.seed),
        "folds", "5", "fold", "0");
    add("cold-items", p -> new ColdStart(ColdStart.Target.ITEMS, p.values.doubleValue("ratio"), p.seed),
        "ratio", "0.2");
    add("cold-users", p -> new ColdStart(ColdStart.Target.USERS, p.values.doubleValue("ratio"), p.seed),
        "ratio", "0.2");
  }

  private Splitters() {}

  private record Seeded(AlgorithmRegistry.Parameters values, long seed) {}

  private static void add(String name, Function<Seeded, Splitter> factory, String... defaults) {
    TABLE.put(name, SpecParser.defaults(defaults));
    FACTORIES.put(name, factory);
  }

  /** The split names, in listing order. */
  public static List<String> names() {
    return List.copyOf(TABLE.keySet());
  }

  /**
   * Builds the splitter of {@code spec} with {@code seed}.
   *
   * @throws IllegalArgumentException with a one-line message (listing the valid names or keys) if the
   *     specification or a value is invalid
   */
  public static Splitter create(String spec, long seed) {
    Objects.requireNonNull(spec, "spec");
    SpecParser.Parsed p = SpecParser.parse(spec, "split", TABLE);
    Function<Seeded, Splitter> factory = FACTORIES.get(p.name());
    return AlgorithmRegistry.build(p.name(), p.values(), values -> factory.apply(new Seeded(values, seed)));
  }
}
