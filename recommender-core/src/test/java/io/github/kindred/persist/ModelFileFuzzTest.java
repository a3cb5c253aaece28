package io.github.kindred.persist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.github.kindred.data.Dataset;
import io.github.kindred.data.InteractionLog;
import io.github.kindred.factorization.BprConfig;
import io.github.kindred.factorization.BprTrainer;
import io.github.kindred.factorization.ImplicitAlsConfig;
import io.github.kindred.factorization.ImplicitAlsTrainer;
import io.github.kindred.graph.GraphFilterConfig;
import io.github.kindred.graph.GraphFilterTrainer;
import io.github.kindred.graph.Rp3BetaConfig;
import io.github.kindred.graph.Rp3BetaTrainer;
import io.github.kindred.knn.ItemKnnConfig;
import io.github.kindred.knn.ItemKnnTrainer;
import io.github.kindred.knn.Similarity;
import io.github.kindred.knn.UserKnnConfig;
import io.github.kindred.knn.UserKnnTrainer;
import io.github.kindred.linear.EaseConfig;
import io.github.kindred.linear.EaseTrainer;
import io.github.kindred.model.Model;
import io.github.kindred.popularity.PopularityTrainer;
import io.github.kindred.popularity.TrendingConfig;
import io.github.kindred.popularity.TrendingTrainer;
import io.github.kindred.rating.BaselineConfig;
import io.github.kindred.rating.BaselineTrainer;
import io.github.kindred.rating.BiasedMfConfig;
import io.github.kindred.rating.BiasedMfTrainer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Corrupted model files: for every model with a registered codec (six in this module's first release: popularity,
 * trending, item-kNN, user-kNN, baseline, biased MF; EASE, implicit ALS and BPR too once their codecs are
 * registered), 300 seeded variants of its file (100 with 1 to 8 bytes
 * flipped, 100 truncated at a random length, 100 with 1 to 64 random bytes appended), 1,800 for six models, each loaded from
 * a file and, where the stream form can tell, from a stream. Every variant must fail with a
 * {@link ModelFormatException} (an {@code IOException}) whose message names the problem; none may load, throw
 * another exception type or run out of memory.
 */
class ModelFileFuzzTest {
  private static final int VARIANTS_PER_KIND = 100;

  @TempDir
  Path dir;

  private static Map<String, Model> models() {
    SplittableRandom random = new SplittableRandom(7);
    InteractionLog.Builder b = InteractionLog.builder();
    for (int u = 0; u < 30; u++) {
      for (int k = 0; k < 6; k++) {
        b.add("user" + u, "item" + random.nextInt(25), 1 + random.nextInt(5), 1_000_000L + 3600L * (u * 6 + k));
      }
    }
    Dataset data = Dataset.of(b.build());
    Map<String, Model> models = new LinkedHashMap<>();
    models.put("popularity", new PopularityTrainer().fit(data));
    models.put("trending", new TrendingTrainer(TrendingConfig.ofHalfLifeDays(7)).fit(data));
    models.put("item-knn", new ItemKnnTrainer(new ItemKnnConfig(10, Similarity.COSINE, 0f, 1)).fit(data));
    models.put("user-knn", new UserKnnTrainer(UserKnnConfig.defaults().withThreads(1)).fit(data));
    models.put("baseline", new BaselineTrainer(BaselineConfig.defaults()).fit(data));
    models.put("biased-mf", new BiasedMfTrainer(BiasedMfConfig.defaults().withFactors(4).withIterations(3)).fit(data));
    // Models whose codec may not be registered yet: fuzzed whenever ModelFiles.standard() can save them.
    models.put("ease", new EaseTrainer(new EaseConfig(10f, EaseConfig.DEFAULT_MAX_ITEMS)).fit(data));
    models.put("implicit-als", new ImplicitAlsTrainer(ImplicitAlsConfig.defaults().withFactors(4).withIterations(2))
        .fit(data));
    BprConfig bpr = BprConfig.defaults();
    models.put("bpr", new BprTrainer(new BprConfig(4, 2, bpr.learningRate(), bpr.regularization(), true, 3L, 1))
        .fit(data));
    models.put("gfcf", new GraphFilterTrainer(GraphFilterConfig.defaults().withRank(3)).fit(data));
    models.put("rp3beta", new Rp3BetaTrainer(Rp3BetaConfig.defaults().withNeighbors(5)).fit(data));
    models.values().removeIf(m -> !ModelFiles.standard().canSave(m));
    return models;
  }

  @Test
  void everyCorruptedVariantIsRejectedWithAClearError() throws IOException {
    ModelFiles files = ModelFiles.standard();
    SplittableRandom random = new SplittableRandom(20261123L);
    int tried = 0;
    for (Map.Entry<String, Model> e : models().entrySet()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      files.save(e.getValue(), out);
      byte[] original = out.toByteArray();
      // The intact file loads, so every failure below is due to the damage.
      assertThat(files.load(new ByteArrayInputStream(original)).getClass()).isEqualTo(e.getValue().getClass());
      for (int v = 0; v < VARIANTS_PER_KIND; v++) {
        byte[] flipped = original.clone();
        int flips = 1 + random.nextInt(8);
        for (int f = 0; f < flips; f++) {
          flipped[random.nextInt(flipped.length)] ^= (byte) (1 + random.nextInt(255));
        }
        if (!Arrays.equals(flipped, original)) {
          expectRejected(files, flipped, e.getKey() + " flip variant " + v, true);
          tried++;
        }
        byte[] truncated = Arrays.copyOf(original, random.nextInt(original.length));
        expectRejected(files, truncated, e.getKey() + " truncated to " + truncated.length, true);
        tried++;
        byte[] extra = new byte[1 + random.nextInt(64)];
        random.nextBytes(extra);
        byte[] appended = Arrays.copyOf(original, original.length + extra.length);
        System.arraycopy(extra, 0, appended, original.length, extra.length);
        // A stream may legitimately hold more after a model (load(InputStream) consumes exactly one), so appended
        // bytes are a corruption only for a file.
        expectRejected(files, appended, e.getKey() + " with " + extra.length + " bytes appended", false);
        tried++;
      }
    }
    // At least the six models whose codecs ship with core; flips that cancel out (same byte and mask twice) are not
    // counted.
    int kinds = models().size();
    assertThat(kinds).isGreaterThanOrEqualTo(6);
    assertThat(tried).isBetween(kinds * 3 * VARIANTS_PER_KIND - 20, kinds * 3 * VARIANTS_PER_KIND);
  }

  private void expectRejected(ModelFiles files, byte[] bytes, String what, boolean alsoStream) throws IOException {
    Path file = Files.write(dir.resolve("m.kndm"), bytes);
    check(what + " (file)", () -> files.load(file));
    if (alsoStream) {
      check(what + " (stream)", () -> files.load(new ByteArrayInputStream(bytes)));
    }
  }

  private interface Load {
    Model run() throws IOException;
  }

  private static void check(String what, Load load) {
    try {
      Model m = load.run();
      fail(what + " loaded as a " + m.getClass().getSimpleName());
    } catch (ModelFormatException e) {
      assertThat(e.getMessage()).as(what).isNotBlank();
    } catch (IOException e) {
      assertThat(e.getMessage()).as(what + ": " + e).isNotBlank();
    } catch (RuntimeException | OutOfMemoryError e) {
      throw new AssertionError(what + " failed with " + e, e);
    }
  }
}
