package io.github.kindred.eval.experiment;

import io.github.kindred.content.ContentConfig;
import io.github.kindred.content.ContentTrainer;
import io.github.kindred.content.FeatureWeighting;
import io.github.kindred.content.NumericScaling;
import io.github.kindred.context.ContextualPostFilter;
import io.github.kindred.context.ContextualPreFilter;
import io.github.kindred.context.FactorizationMachine;
import io.github.kindred.context.FactorizationMachineConfig;
import io.github.kindred.context.PostFilterConfig;
import io.github.kindred.context.PreFilterConfig;
import io.github.kindred.eval.experiment.AlgorithmRegistry.DataShape;
import io.github.kindred.eval.experiment.AlgorithmRegistry.Entry;
import io.github.kindred.eval.experiment.AlgorithmRegistry.Parameters;
import io.github.kindred.factorization.AlsSolver;
import io.github.kindred.factorization.BprConfig;
import io.github.kindred.factorization.BprTrainer;
import io.github.kindred.factorization.ImplicitAlsConfig;
import io.github.kindred.factorization.ImplicitAlsTrainer;
import io.github.kindred.graph.GraphFilterConfig;
import io.github.kindred.graph.GraphFilterTrainer;
import io.github.kindred.graph.Rp3BetaConfig;
import io.github.kindred.graph.Rp3BetaTrainer;
import io.github.kindred.hybrid.BlendTrainer;
import io.github.kindred.hybrid.FeatureMfConfig;
import io.github.kindred.hybrid.FeatureMfTrainer;
import io.github.kindred.hybrid.RankingLoss;
import io.github.kindred.hybrid.ScoreNormalization;
import io.github.kindred.hybrid.SwitchingTrainer;
import io.github.kindred.knn.ItemKnnConfig;
import io.github.kindred.knn.Similarity;
import io.github.kindred.knn.UserKnnConfig;
import io.github.kindred.knn.UserKnnTrainer;
import io.github.kindred.linear.EaseConfig;
import io.github.kindred.linear.EaseTrainer;
import io.github.kindred.model.Trainer;
import io.github.kindred.popularity.TrendingConfig;
import io.github.kindred.popularity.TrendingTrainer;
import io.github.kindred.rating.BaselineConfig;
import io.github.kindred.rating.BaselineTrainer;
import io.github.kindred.rating.BiasedMfConfig;
import io.github.kindred.rating.BiasedMfTrainer;
import io.github.kindred.rating.ExplicitAlsConfig;
import io.github.kindred.rating.ExplicitAlsTrainer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The entries of {@link AlgorithmRegistry#standard()} beyond popularity and item-kNN, one factory method per
 * algorithm. Each entry's defaults are read from the configuration record's own {@code defaults()}, so that the
 * command line and the library never disagree. Stateless.
 */
final class StandardEntries {
  /** Trending's half-life when none is given: a week, as the serving facade's hot lists use. */
  static final double TRENDING_HALF_LIFE_DAYS = 7;
  /** The switching threshold of {@code hybrid} when a cold model is given: warm from five history items. */
  static final int SWITCH_THRESHOLD = 5;

  private StandardEntries() {}

  static Entry userKnn() {
    UserKnnConfig d = UserKnnConfig.defaults();
    return new Entry("userknn", "user-based nearest neighbours over the binary interaction matrix",
        keys("neighbors", d.neighbors(), "shrinkage", d.shrinkage(), "similarity", label(d.similarity()),
            "threads", d.threads()),
        p -> new UserKnnTrainer(new UserKnnConfig(p.intValue("neighbors"), p.choice("similarity", Similarity.class),
            p.floatValue("shrinkage"), p.intValue("threads"))));
  }

  static Entry trending() {
    return new Entry("trending", "popularity with exponential time decay (needs timestamps)",
        keys("halfLifeDays", TRENDING_HALF_LIFE_DAYS),
        p -> new TrendingTrainer(TrendingConfig.ofHalfLifeDays(p.doubleValue("halfLifeDays"))));
  }

  static Entry ials() {
    ImplicitAlsConfig d = ImplicitAlsConfig.defaults();
    return new Entry("ials", "implicit ALS (Hu, Koren and Volinsky 2008) with confidence 1 + alpha * value; 'auto' "
        + "values follow the data (ImplicitAlsConfig.forData)",
        keys("factors", AUTO, "iterations", AUTO, "regularization", AUTO, "alpha", AUTO, "regularizationExponent",
            d.regularizationExponent(), "solver", AUTO, "cgSteps", d.cgSteps(), "blockSize", AUTO, "seed", d.seed(),
            "threads", d.threads()),
        p -> new ImplicitAlsTrainer(new ImplicitAlsConfig(p.intValue("factors"), p.intValue("iterations"),
            p.floatValue("regularization"), p.floatValue("alpha"), p.longValue("seed"), p.intValue("threads"),
            p.choice("solver", AlsSolver.class), p.intValue("cgSteps"), p.floatValue("regularizationExponent"),
            p.intValue("blockSize"))),
        StandardEntries::ialsAuto);
  }

  /** The data-derived values of {@code ials}; a given solver or rank keeps the derived block size valid. */
  private static Map<String, String> ialsAuto(Parameters p, DataShape shape) {
    Map<String, String> v = p.values();
    if (shape == null) {
      if (!AUTO.equals(v.get("solver")) && p.choice("solver", AlsSolver.class) == AlsSolver.CG) {
        fill(v, "blockSize", 0);
      }
      return v;
    }
    ImplicitAlsConfig c = ImplicitAlsConfig.forData(shape.users(), shape.items(), shape.interactions(),
        p.intValue("threads"));
    fill(v, "factors", c.factors());
    fill(v, "iterations", c.iterations());
    fill(v, "regularization", c.regularization());
    fill(v, "alpha", c.alpha());
    fill(v, "solver", label(c.solver()));
    int factors = AUTO.equals(p.get("factors")) ? c.factors() : p.intValue("factors");
    boolean cholesky = v.get("solver").equalsIgnoreCase(label(AlsSolver.CHOLESKY));
    fill(v, "blockSize", cholesky && c.blockSize() <= factors ? c.blockSize() : 0);
    return v;
  }

  /** The data-derived values of {@code itemknn}; alpha is 0.5 (unused) when the similarity is not asymmetric. */
  static Map<String, String> itemKnnAuto(Parameters p, DataShape shape) {
    Map<String, String> v = p.values();
    if (!AUTO.equals(v.get("similarity")) && p.choice("similarity", Similarity.class) != Similarity.ASYMMETRIC) {
      fill(v, "alpha", 0.5f);
      return v;
    }
    if (shape == null) {
      return v;
    }
    ItemKnnConfig c = ItemKnnConfig.forData(shape.users(), shape.items(), shape.interactions(),
        p.intValue("threads"));
    fill(v, "similarity", label(c.similarity()));
    fill(v, "alpha", c.similarity() == Similarity.ASYMMETRIC ? c.alpha() : 0.5f);
    return v;
  }

  /** Replaces {@code key}'s value by {@code value} if it is {@code auto}. */
  private static void fill(Map<String, String> values, String key, Object value) {
    if (AUTO.equals(values.get(key))) {
      values.put(key, String.valueOf(value));
    }
  }

  static Entry bpr() {
    BprConfig d = BprConfig.defaults();
    return new Entry("bpr", "BPR matrix factorisation (Rendle et al. 2009), multi-threaded SGD",
        keys("factors", d.factors(), "iterations", d.iterations(), "learningRate", d.learningRate(),
            "regularization", d.regularization(), "itemBiases", d.itemBiases(), "seed", d.seed(),
            "threads", d.threads()),
        p -> new BprTrainer(new BprConfig(p.intValue("factors"), p.intValue("iterations"),
            p.floatValue("learningRate"), p.floatValue("regularization"), p.booleanValue("itemBiases"),
            p.longValue("seed"), p.intValue("threads"))));
  }

  static Entry ease() {
    EaseConfig d = EaseConfig.defaults();
    return new Entry("ease", "EASE (Steck 2019), closed-form item-item weights; lambda 'auto' follows the data "
        + "(EaseConfig.forData), above maxItems items the neighbourhood solve",
        keys("lambda", AUTO, "maxItems", d.maxItems(), "neighbors", d.neighbors(), "threads", d.threads()),
        p -> new EaseTrainer(new EaseConfig(p.floatValue("lambda"), p.intValue("maxItems"), p.intValue("neighbors"),
            p.intValue("threads"))),
        (p, shape) -> {
          Map<String, String> v = p.values();
          if (shape != null) {
            fill(v, "lambda", EaseConfig.forData(shape.users(), shape.items(), shape.interactions(),
                p.intValue("threads")).lambda());
          }
          return v;
        });
  }

  /** The value of a key that an algorithm derives from the data's statistics unless it is given. */
  static final String AUTO = "auto";

  static Entry graphFilter() {
    GraphFilterConfig d = GraphFilterConfig.defaults();
    return new Entry("gfcf", "graph filter (GF-CF, Shen et al. 2021): normalised item graph plus ideal low-pass, "
        + "optional BSPM sharpening; rank and sharpen 'auto' follow the data",
        keys("rank", AUTO, "alpha", d.alpha(), "sharpen", AUTO, "steps", d.steps(), "solver", AUTO, "merge",
            label(d.merge()), "oversampling",
            d.oversampling(), "powerIterations", d.powerIterations(), "seed", d.seed(), "threads",
            Runtime.getRuntime().availableProcessors(), "maxMemoryMb", d.maxMemoryMb()),
        p -> {
          boolean autoRank = AUTO.equals(p.get("rank"));
          boolean autoSharpen = AUTO.equals(p.get("sharpen"));
          int rank = autoRank ? 0 : p.intValue("rank");
          float sharpen = autoSharpen ? 0f : p.floatValue("sharpen");
          boolean autoSolver = AUTO.equals(p.get("solver"));
          GraphFilterConfig.Solver solver = autoSolver ? GraphFilterConfig.Solver.EULER
              : p.choice("solver", GraphFilterConfig.Solver.class);
          GraphFilterConfig.Merge merge = p.choice("merge", GraphFilterConfig.Merge.class);
          GraphFilterConfig given = new GraphFilterConfig(rank, p.floatValue("alpha"), sharpen, p.intValue("steps"),
              p.intValue("oversampling"), p.intValue("powerIterations"), p.longValue("seed"), p.intValue("threads"),
              p.intValue("maxMemoryMb"), solver, merge);
          if (!autoRank && !autoSharpen && !autoSolver) {
            return new GraphFilterTrainer(given);
          }
          return GraphFilterTrainer.fromData(given.threads(), c -> new GraphFilterConfig(
              autoRank ? c.rank() : given.rank(), given.alpha(), autoSharpen ? c.sharpen() : given.sharpen(),
              given.steps(), given.oversampling(), given.powerIterations(), given.seed(), given.threads(),
              given.maxMemoryMb(), autoSolver ? c.solver() : given.solver(), given.merge()));
        });
  }

  static Entry rp3beta() {
    return new Entry("rp3beta", "RP3beta (Paudel et al. 2017): item-user-item random walk with a popularity "
        + "penalty, top-k rows; 'auto' values follow the data",
        keys("alpha", AUTO, "beta", AUTO, "neighbors", AUTO, "threads", Runtime.getRuntime().availableProcessors()),
        p -> {
          String alpha = p.get("alpha");
          String beta = p.get("beta");
          String neighbors = p.get("neighbors");
          int threads = p.intValue("threads");
          // Parse the given values now, so that a bad one fails here, naming its key, and not at fit time.
          float a = AUTO.equals(alpha) ? 1f : p.floatValue("alpha");
          float b = AUTO.equals(beta) ? 0f : p.floatValue("beta");
          int k = AUTO.equals(neighbors) ? 1 : p.intValue("neighbors");
          Rp3BetaConfig given = new Rp3BetaConfig(a, b, k, threads);
          return Rp3BetaTrainer.fromData(threads, c -> new Rp3BetaConfig(
              AUTO.equals(alpha) ? c.alpha() : given.alpha(), AUTO.equals(beta) ? c.beta() : given.beta(),
              AUTO.equals(neighbors) ? c.neighbors() : given.neighbors(), threads));
        });
  }

  static Entry baseline() {
    BaselineConfig d = BaselineConfig.defaults();
    return new Entry("baseline", "rating predictor: global mean plus regularised user and item biases",
        keys("itemRegularization", d.itemRegularization(), "userRegularization", d.userRegularization(),
            "iterations", d.iterations()),
        p -> new BaselineTrainer(new BaselineConfig(p.floatValue("itemRegularization"),
            p.floatValue("userRegularization"), p.intValue("iterations"))));
  }

  static Entry biasedMf() {
    BiasedMfConfig d = BiasedMfConfig.defaults();
    return new Entry("biasedmf", "rating predictor: biased matrix factorisation by SGD",
        keys("factors", d.factors(), "iterations", d.iterations(), "learningRate", d.learningRate(),
            "regularization", d.regularization(), "seed", d.seed()),
        p -> new BiasedMfTrainer(new BiasedMfConfig(p.intValue("factors"), p.intValue("iterations"),
            p.floatValue("learningRate"), p.floatValue("regularization"), p.longValue("seed"))));
  }

  static Entry als() {
    ExplicitAlsConfig d = ExplicitAlsConfig.defaults();
    return new Entry("als", "rating predictor: explicit ALS with weighted-lambda regularisation",
        keys("factors", d.factors(), "iterations", d.iterations(), "regularization", d.regularization(),
            "seed", d.seed(), "threads", d.threads()),
        p -> new ExplicitAlsTrainer(new ExplicitAlsConfig(p.intValue("factors"), p.intValue("iterations"),
            p.floatValue("regularization"), p.longValue("seed"), p.intValue("threads"))));
  }

  static Entry content() {
    ContentConfig d = ContentConfig.defaults();
    FeatureWeighting w = d.weighting();
    return new Entry("content", "content-based: cosine between item feature profiles and the user's profile",
        keys("idf", w.idf(), "scaling", label(w.scaling()), "fieldWeights", fieldWeights(w),
            "featureOnlyItems", d.includeFeatureOnlyItems()),
        p -> new ContentTrainer(new ContentConfig(weighting(p, w.normalize()), p.booleanValue("featureOnlyItems"))));
  }

  static Entry featureMf() {
    FeatureMfConfig d = FeatureMfConfig.defaults();
    FeatureWeighting w = d.weighting();
    return new Entry("featuremf", "feature-aware factorisation (users and items through ids and features)",
        keys("factors", d.factors(), "iterations", d.iterations(), "learningRate", d.learningRate(),
            "regularization", d.regularization(), "loss", label(d.loss()), "maxSampled", d.maxSampled(),
            "idf", w.idf(), "scaling", label(w.scaling()), "fieldWeights", fieldWeights(w),
            "featureOnlyItems", d.includeFeatureOnlyItems(), "userIds", d.userIds(), "itemIds", d.itemIds(),
            "seed", d.seed(), "threads", d.threads()),
        p -> new FeatureMfTrainer(new FeatureMfConfig(p.intValue("factors"), p.intValue("iterations"),
            p.floatValue("learningRate"), p.floatValue("regularization"), p.choice("loss", RankingLoss.class),
            p.intValue("maxSampled"), p.longValue("seed"), p.intValue("threads"), weighting(p, w.normalize()),
            p.booleanValue("featureOnlyItems"), p.booleanValue("userIds"), p.booleanValue("itemIds"))));
  }

  /**
   * {@code hybrid}: a weighted blend of {@code parts} (scores normalised per request), optionally switched with a
   * {@code cold} model for histories shorter than {@code threshold}.
   */
  static Entry hybrid() {
    return new Entry("hybrid", "weighted blend of other algorithms (parts=a+b, weights=0.7+0.3), optionally "
        + "switching to cold=SPEC for histories shorter than threshold",
        keys("parts", "itemknn+content", "weights", "", "normalization", label(ScoreNormalization.Z_SCORE),
            "cold", "", "threshold", SWITCH_THRESHOLD),
        StandardEntries::hybridTrainer);
  }

  private static Trainer<?> hybridTrainer(Parameters p) {
    List<Trainer<?>> parts = p.trainers("parts");
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("parts must name at least one algorithm");
    }
    float[] weights = p.floatList("weights");
    if (weights.length != 0 && weights.length != parts.size()) {
      throw new IllegalArgumentException("weights has " + weights.length + " values for " + parts.size() + " parts");
    }
    int threshold = p.intValue("threshold");
    Trainer<?> warm;
    if (parts.size() == 1 && weights.length == 0) {
      warm = parts.get(0);
    } else {
      BlendTrainer.Builder b = BlendTrainer.builder().normalization(p.choice("normalization",
          ScoreNormalization.class));
      for (int i = 0; i < parts.size(); i++) {
        b.add(parts.get(i), weights.length == 0 ? 1f : weights[i]);
      }
      warm = b.build();
    }
    if (p.get("cold").isBlank()) {
      return warm;
    }
    return new SwitchingTrainer(p.trainer("cold"), warm, threshold);
  }

  static Entry fm() {
    FactorizationMachineConfig d = FactorizationMachineConfig.defaults();
    return new Entry("fm", "factorisation machine over user, item, features and context values (BPR)",
        keys("factors", d.factors(), "iterations", d.epochs(), "learningRate", d.learningRate(),
            "regularization", d.regularization(), "biasRegularization", d.biasRegularization(),
            "initStd", d.initStd(), "context", d.useContext(), "contextFeatures", String.join("+",
                d.contextFeatures()), "itemFeatures", d.itemFeatures(), "userFeatures", d.userFeatures(),
            "seed", d.seed()),
        p -> new FactorizationMachine(new FactorizationMachineConfig(p.intValue("factors"), p.intValue("iterations"),
            p.floatValue("learningRate"), p.floatValue("regularization"), p.floatValue("biasRegularization"),
            p.floatValue("initStd"), p.booleanValue("context"), p.nameList("contextFeatures"),
            p.booleanValue("itemFeatures"), p.booleanValue("userFeatures"), p.longValue("seed"))));
  }

  static Entry postFilter() {
    PostFilterConfig d = PostFilterConfig.defaults();
    return new Entry("postfilter", "contextual post-filtering: base scores re-weighted by item-context affinity",
        keys("base", "itemknn", "features", String.join("+", d.features()), "strength", d.strength(),
            "smoothing", label(d.smoothing()), "prior", d.prior()),
        p -> new ContextualPostFilter(p.trainer("base"), new PostFilterConfig(p.nameList("features"),
            p.floatValue("strength"), p.choice("smoothing", PostFilterConfig.Smoothing.class),
            p.floatValue("prior"))));
  }

  /**
   * {@code prefilter}: slices are definitions separated by {@code ;}, each a {@code +}-joined set of context
   * features; empty means one slice definition per context feature of the training data.
   */
  static Entry preFilter() {
    PreFilterConfig d = PreFilterConfig.byEach("x");
    return new Entry("prefilter", "contextual pre-filtering: base fitted per context slice, with backoff "
        + "(slices=a;b+c, empty: each context feature)",
        keys("base", "itemknn", "slices", "", "minEvents", d.minEvents(), "binary", d.binary()),
        p -> {
          Trainer<?> base = p.trainer("base");
          int minEvents = p.intValue("minEvents");
          boolean binary = p.booleanValue("binary");
          String slices = p.get("slices");
          if (slices.isBlank()) {
            // The features are known only once the data is: one definition per context feature of the log.
            if (minEvents < 1) {
              throw new IllegalArgumentException("minEvents must be >= 1, got " + minEvents);
            }
            return data -> {
              String[] names = data.log().contextNames();
              if (names.length == 0) {
                throw new IllegalArgumentException("prefilter: the training data has no context features");
              }
              return new ContextualPreFilter(base, PreFilterConfig.byEach(names).withMinEvents(minEvents)
                  .withBinary(binary)).fit(data);
            };
          }
          List<List<String>> definitions = new ArrayList<>();
          for (String definition : slices.split(";", -1)) {
            List<String> names = new ArrayList<>();
            for (String name : definition.split("\\+", -1)) {
              if (name.isBlank()) {
                throw new IllegalArgumentException("slices has an empty feature name in '" + slices + "'");
              }
              names.add(name.trim());
            }
            definitions.add(names);
          }
          return new ContextualPreFilter(base, new PreFilterConfig(definitions, minEvents, binary));
        });
  }

  /** The feature weighting of {@code content} and {@code featuremf} from their idf, scaling and field weights. */
  private static FeatureWeighting weighting(Parameters p, boolean normalize) {
    Map<String, Float> fields = new LinkedHashMap<>();
    String spec = p.get("fieldWeights");
    if (!spec.isBlank()) {
      for (String pair : spec.split("\\+", -1)) {
        int colon = pair.indexOf(':');
        if (colon <= 0 || colon == pair.length() - 1) {
          throw new IllegalArgumentException("fieldWeights must be field:weight joined with '+', got '" + spec + "'");
        }
        try {
          fields.put(pair.substring(0, colon).trim(), Float.parseFloat(pair.substring(colon + 1).trim()));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("fieldWeights: weight of '" + pair.substring(0, colon).trim()
              + "' is not a number in '" + spec + "'", e);
        }
      }
    }
    return new FeatureWeighting(p.booleanValue("idf"), p.choice("scaling", NumericScaling.class), fields, normalize);
  }

  private static String fieldWeights(FeatureWeighting w) {
    List<String> out = new ArrayList<>();
    w.fieldWeights().forEach((field, weight) -> out.add(field + ":" + weight));
    return String.join("+", out);
  }

  /** An enum constant as {@link Parameters#choice} reads it: lower case, '_' as '-'. */
  private static String label(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Alternating keys and default values (any type, written with {@link String#valueOf}). */
  private static Map<String, String> keys(Object... keyValues) {
    String[] s = new String[keyValues.length];
    for (int i = 0; i < keyValues.length; i++) {
      s[i] = String.valueOf(keyValues[i]);
    }
    return SpecParser.defaults(s);
  }
}
