package io.github.kindred.persist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kindred.content.ContentConfig;
import io.github.kindred.content.ContentModel;
import io.github.kindred.content.ContentTrainer;
import io.github.kindred.context.ContextualPostFilter;
import io.github.kindred.context.ContextualPreFilter;
import io.github.kindred.context.FactorizationMachine;
import io.github.kindred.context.FactorizationMachineConfig;
import io.github.kindred.context.PostFilterConfig;
import io.github.kindred.context.PreFilterConfig;
import io.github.kindred.data.Context;
import io.github.kindred.data.Dataset;
import io.github.kindred.data.EventTypes;
import io.github.kindred.data.FeatureTable;
import io.github.kindred.data.IdIndex;
import io.github.kindred.data.InteractionLog;
import io.github.kindred.factorization.BprConfig;
import io.github.kindred.factorization.BprTrainer;
import io.github.kindred.factorization.ImplicitAlsConfig;
import io.github.kindred.factorization.ImplicitAlsTrainer;
import io.github.kindred.graph.GraphFilterConfig;
import io.github.kindred.graph.GraphFilterTrainer;
import io.github.kindred.graph.Rp3BetaConfig;
import io.github.kindred.graph.Rp3BetaTrainer;
import io.github.kindred.hybrid.BlendModel;
import io.github.kindred.hybrid.FeatureMfConfig;
import io.github.kindred.hybrid.FeatureMfModel;
import io.github.kindred.hybrid.FeatureMfTrainer;
import io.github.kindred.hybrid.ScoreNormalization;
import io.github.kindred.hybrid.SwitchingModel;
import io.github.kindred.knn.ItemKnnConfig;
import io.github.kindred.knn.ItemKnnTrainer;
import io.github.kindred.knn.Similarity;
import io.github.kindred.knn.UserKnnConfig;
import io.github.kindred.knn.UserKnnTrainer;
import io.github.kindred.linear.EaseConfig;
import io.github.kindred.linear.EaseTrainer;
import io.github.kindred.model.Model;
import io.github.kindred.model.Query;
import io.github.kindred.popularity.PopularityTrainer;
import io.github.kindred.popularity.TrendingConfig;
import io.github.kindred.popularity.TrendingTrainer;
import io.github.kindred.rating.BaselineConfig;
import io.github.kindred.rating.BaselineTrainer;
import io.github.kindred.rating.BiasedMfConfig;
import io.github.kindred.rating.BiasedMfTrainer;
import io.github.kindred.rating.ExplicitAlsConfig;
import io.github.kindred.rating.ExplicitAlsTrainer;
import io.github.kindred.repeat.NeighborMeasure;
import io.github.kindred.repeat.RepeatConfig;
import io.github.kindred.repeat.RepeatTrainer;
import io.github.kindred.session.MarkovConfig;
import io.github.kindred.session.MarkovTrainer;
import io.github.kindred.session.SessionKnnConfig;
import io.github.kindred.session.SessionKnnTrainer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFilesTest {
  private static final ModelFiles FILES = ModelFiles.standard();
  /** Trained once: the models are immutable, and every test only saves and loads them. */
  private static final Dataset DATA = data();
  private static final List<Model> MODELS = everyModel(DATA);

  /**
   * 30 users, 12 items, ratings 1..5 with timestamps and a device and daypart context; tags and a year for 11 of
   * the items plus one item known only from its features, and an age band for every user.
   */
  private static Dataset data() {
    SplittableRandom r = new SplittableRandom(3);
    InteractionLog.Builder b = InteractionLog.builder();
    String[] devices = {"mobile", "desktop"};
    String[] dayparts = {"morning", "evening", "night"};
    for (int u = 0; u < 30; u++) {
      for (int i = 0; i < 12; i++) {
        if (r.nextInt(3) == 0 || i == u % 12) {
          Context c = Context.of("device", devices[(u + i) % 2], "daypart", dayparts[r.nextInt(3)]);
          b.add("user-" + u, "item-" + i, 1 + r.nextInt(5), 1_000_000L + r.nextInt(100_000), EventTypes.DEFAULT, c);
        }
      }
    }
    FeatureTable.Builder items = FeatureTable.builder();
    String[] genres = {"drama", "comedy", "action", "horror"};
    for (int i = 1; i < 13; i++) {
      String id = i == 12 ? "item-new" : "item-" + i;
      items.tags(id, "genre", genres[i % 4], genres[(i / 4) % 4]);
      items.numeric(id, "year", 1990 + 3 * i);
    }
    return Dataset.builder(b.build()).binary(false).itemFeatures(items.build()).userFeatures(userFeatures(30))
        .build();
  }

  /** An age band for users {@code user-0 .. user-(n-1)} and for {@code newbie}, whom no log knows. */
  private static FeatureTable userFeatures(int n) {
    FeatureTable.Builder users = FeatureTable.builder();
    String[] ages = {"18-24", "25-34", "35-49", "50+"};
    for (int u = 0; u < n; u++) {
      users.categorical("user-" + u, "age", ages[u % 4]);
    }
    users.categorical("newbie", "age", "25-34");
    return users.build();
  }

  private static List<Model> everyModel(Dataset d) {
    List<Model> models = new ArrayList<>();
    models.add(new PopularityTrainer().fit(d));
    models.add(new TrendingTrainer(TrendingConfig.ofHalfLifeDays(0.5)).fit(d));
    models.add(new ItemKnnTrainer(new ItemKnnConfig(5, Similarity.COSINE, 1f, 1)).fit(d));
    models.add(new UserKnnTrainer(new UserKnnConfig(5, Similarity.JACCARD, 0.5f, 1)).fit(d));
    models.add(new BaselineTrainer(new BaselineConfig(2f, 3f, 4)).fit(d));
    models.add(new BiasedMfTrainer(new BiasedMfConfig(3, 5, 0.01f, 0.02f, 9L)).fit(d));
    models.add(new ExplicitAlsTrainer(new ExplicitAlsConfig(3, 3, 0.1f, 9L, 1)).fit(d));
    models.add(new ImplicitAlsTrainer(ImplicitAlsConfig.defaults().withFactors(3).withIterations(2)
        .withThreads(1)).fit(d));
    models.add(new BprTrainer(BprConfig.defaults().withFactors(3).withIterations(2).withThreads(1)).fit(d));
    models.add(new BprTrainer(BprConfig.defaults().withFactors(2).withIterations(1).withItemBiases(false)
        .withThreads(1)).fit(d));
    models.add(new EaseTrainer(EaseConfig.defaults()).fit(d));
    models.add(new FactorizationMachine(FactorizationMachineConfig.defaults().withFactors(3).withEpochs(2)).fit(d));
    models.add(new ContextualPostFilter(new PopularityTrainer(), PostFilterConfig.defaults()).fit(d));
    models.add(new ContextualPreFilter(new ItemKnnTrainer(new ItemKnnConfig(3, Similarity.COSINE, 1f, 1)),
        PreFilterConfig.byEach("device", "daypart").withSlice("device", "daypart").withMinEvents(30)).fit(d));
    // Parts of a composite share its indexes (written once) or not (a part of a shorter item range).
    models.add(BlendModel.of(List.of(models.get(0), models.get(2), models.get(10)), new float[] {1f, 2f, 0.5f},
        ScoreNormalization.Z_SCORE));
    models.add(SwitchingModel.of(models.get(0), models.get(8), 3));
    ContentModel content = new ContentTrainer(ContentConfig.defaults()).fit(d);
    models.add(content);
    models.add(new FeatureMfTrainer(FeatureMfConfig.defaults().withFactors(3).withIterations(2)).fit(d));
    models.add(BlendModel.of(List.of(content, models.get(2)), new float[] {1f, 1f}, ScoreNormalization.MIN_MAX));
    models.add(SwitchingModel.of(content, models.get(7), 2));
    models.add(new RepeatTrainer(RepeatConfig.defaults().withNeighbors(3, 0.5).withThreads(1)).fit(d));
    models.add(new RepeatTrainer(RepeatConfig.defaults().withNeighbors(2, 0.3).withMeasure(NeighborMeasure.EUCLIDEAN)
        .withGroupSize(2).withBasketGapSeconds(20_000).withThreads(1)).fit(d));
    models.add(new RepeatTrainer(RepeatConfig.personalFrequency(0.8)).fit(d));
    models.add(new SessionKnnTrainer(new SessionKnnConfig(3, 5, 20_000)).fit(d));
    models.add(new MarkovTrainer(new MarkovConfig(2, 0.5, 20_000)).fit(d));
    models.add(new GraphFilterTrainer(GraphFilterConfig.defaults().withRank(3).withSharpen(0.5f).withSteps(2))
        .fit(d));
    models.add(new Rp3BetaTrainer(Rp3BetaConfig.defaults().withNeighbors(4)).fit(d));
    return models;
  }

  private static byte[] bytes(Model m) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    FILES.save(m, out);
    return out.toByteArray();
  }

  private static Model load(byte[] b) throws IOException {
    return FILES.load(new ByteArrayInputStream(b));
  }

  private static void assertSameScores(Model a, Model b, Dataset d) {
    List<Query> queries = new ArrayList<>();
    Context[] contexts = {Context.EMPTY, Context.of("device", "mobile"), Context.of("device", "desktop", "daypart",
        "night"), Context.of("daypart", "morning", "weather", "rain"), Context.of("device", "tv")};
    for (int u = 0; u < d.userCount(); u++) {
      queries.add(Query.forUser(u, d.matrix()).withContext(contexts[u % contexts.length]));
    }
    Query history = Query.of(Query.ANONYMOUS, new int[] {0, 3, 7}, new float[] {5, 2, 4});
    // A table other than the training one: feature-aware models match it by feature name.
    FeatureTable newcomers = userFeatures(0);
    for (Context c : contexts) {
      queries.add(history.withContext(c));
      queries.add(Query.empty().withContext(c));
      queries.add(Query.empty().withUserFeatures(newcomers, "newbie").withContext(c));
      queries.add(history.withUserFeatures(newcomers, "newbie"));
    }
    int n = a.itemCount();
    float[] sa = new float[n];
    float[] sb = new float[n];
    for (Query q : queries) {
      a.score(q, sa);
      b.score(q, sb);
      assertThat(sb).as("%s for %s", a.getClass().getSimpleName(), q).containsExactly(sa);
    }
  }

  @Test
  void everyModelRoundTripsWithIdenticalScores(@TempDir Path dir) throws IOException {
    Dataset d = DATA;
    for (Model m : MODELS) {
      Model back = load(bytes(m));
      assertThat(back).isInstanceOf(m.getClass());
      assertThat(back.users()).isEqualTo(m.users());
      assertThat(back.items()).isEqualTo(m.items());
      assertSameScores(m, back, d);
      Path file = dir.resolve(m.getClass().getSimpleName() + ".kdm");
      FILES.save(m, file);
      Model fromFile = FILES.load(file, m.getClass());
      assertSameScores(m, fromFile, d);
      // A second save of the loaded model is byte-identical: nothing is lost or reordered.
      assertThat(bytes(fromFile)).isEqualTo(bytes(m));
    }
  }

  @Test
  void compositesKeepTheirParts() throws IOException {
    List<Model> models = MODELS;
    ContextualPreFilter.PreFilterModel pre = (ContextualPreFilter.PreFilterModel) models.get(13);
    ContextualPreFilter.PreFilterModel preBack = (ContextualPreFilter.PreFilterModel) load(bytes(pre));
    assertThat(pre.sliceCount()).isGreaterThan(1);
    assertThat(preBack.sliceCount()).isEqualTo(pre.sliceCount());
    Context c = Context.of("device", "mobile", "daypart", "night");
    assertThat(preBack.sliceFor(c)).isEqualTo(pre.sliceFor(c));
    BlendModel blend = (BlendModel) models.get(14);
    BlendModel blendBack = (BlendModel) load(bytes(blend));
    assertThat(blendBack.parts()).extracting(Object::getClass)
        .containsExactlyElementsOf(blend.parts().stream().map(Object::getClass).toList());
    assertThat(blendBack.weight(1)).isEqualTo(2f);
    assertThat(blendBack.normalization()).isEqualTo(ScoreNormalization.Z_SCORE);
  }

  @Test
  void featureAwareModelsEncodeItemsMetLaterAsBefore() throws IOException {
    List<Model> models = MODELS;
    FeatureMfModel mf = (FeatureMfModel) models.get(17);
    FeatureMfModel mfBack = (FeatureMfModel) load(bytes(mf));
    FeatureTable later = FeatureTable.builder().tags("brand-new", "genre", "comedy", "horror")
        .numeric("brand-new", "year", 2001).build();
    float[] v = new float[mf.dimensions()];
    float[] vBack = new float[mf.dimensions()];
    assertThat(mfBack.newItemVector(later, "brand-new", vBack)).isEqualTo(mf.newItemVector(later, "brand-new", v));
    assertThat(vBack).containsExactly(v);
    ContentModel content = (ContentModel) models.get(16);
    ContentModel contentBack = (ContentModel) load(bytes(content));
    int[] f = new int[4];
    float[] w = new float[4];
    int[] fBack = new int[4];
    float[] wBack = new float[4];
    int n = content.encoder().encode(later, 0, f, w);
    assertThat(n).isEqualTo(3);
    assertThat(contentBack.encoder().encode(later, 0, fBack, wBack)).isEqualTo(n);
    assertThat(fBack).containsExactly(f);
    assertThat(wBack).containsExactly(w);
    assertThat(contentBack.encoder().features()).isEqualTo(content.encoder().features());
  }

  @Test
  void aCompositeWithAPartWithoutCodecCannotBeSaved() {
    SwitchingModel m = SwitchingModel.of(new Fixed(), new Fixed(), 1);
    assertThatThrownBy(() -> FILES.save(m, new ByteArrayOutputStream()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(Fixed.class.getName());
  }

  @Test
  void aStreamOfTwoModelsIsReadOneAtATime() throws IOException {
    Dataset d = DATA;
    List<Model> models = MODELS;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    FILES.save(models.get(2), out);
    FILES.save(models.get(5), out);
    ByteArrayInputStream in = new ByteArrayInputStream(out.toByteArray());
    assertSameScores(models.get(2), FILES.load(in), d);
    assertSameScores(models.get(5), FILES.load(in), d);
    assertThat(in.available()).isZero();
  }

  @Test
  void everyTruncationIsRejected(@TempDir Path dir) throws IOException {
    for (Model m : MODELS) {
      byte[] full = bytes(m);
      for (int n = 0; n < full.length; n++) {
        byte[] cut = java.util.Arrays.copyOf(full, n);
        assertThatThrownBy(() -> load(cut)).as("%s cut at %d", m.getClass().getSimpleName(), n)
            .isInstanceOf(ModelFormatException.class).hasMessageContaining(n >= 8 ? "truncated" : "");
      }
    }
    byte[] full = bytes(MODELS.get(3));
    Path file = dir.resolve("cut.kdm");
    Files.write(file, java.util.Arrays.copyOf(full, full.length - 1));
    assertThatThrownBy(() -> FILES.load(file)).isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("truncated");
  }

  @Test
  void everyFlippedByteIsRejected() throws IOException {
    for (Model m : MODELS) {
      byte[] full = bytes(m);
      for (int p = 0; p < full.length; p++) {
        byte[] bad = full.clone();
        bad[p] ^= (byte) (1 << (p % 8));
        assertThatThrownBy(() -> load(bad)).as("%s byte %d", m.getClass().getSimpleName(), p)
            .isInstanceOf(ModelFormatException.class);
      }
    }
  }

  /**
   * Damage the checksum does not catch (a flipped state byte with the checksum recomputed) reaches the codecs: each
   * must then fail with a ModelFormatException or load some model, never allocate without bound or fail otherwise.
   * Every fourth byte, a different quarter per model, keeps the test fast.
   */
  @Test
  void damageBehindAValidChecksumFailsCleanlyOrLoads() throws IOException {
    List<Model> models = MODELS;
    for (int k = 0; k < models.size(); k++) {
      byte[] full = bytes(models.get(k));
      for (int p = ModelFiles.HEADER + k % 4; p < full.length - ModelFiles.CHECKSUM; p += 4) {
        byte[] bad = full.clone();
        bad[p] ^= (byte) (1 << (p % 8));
        resign(bad);
        try {
          load(bad);
        } catch (ModelFormatException expected) {
          // rejected with a message: fine
        }
      }
    }
  }

  @Test
  void nestingIsBounded() throws IOException {
    Model m = MODELS.get(0);
    for (int depth = 0; depth < ModelInput.MAX_DEPTH; depth++) {
      m = SwitchingModel.of(m, m, 1);
    }
    Model deepest = m;
    assertThat(load(bytes(deepest))).isInstanceOf(SwitchingModel.class);
    byte[] tooDeep = bytes(SwitchingModel.of(deepest, deepest, 1));
    assertThatThrownBy(() -> load(tooDeep)).isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("nest deeper than " + ModelInput.MAX_DEPTH);
  }

  @Test
  void aFlippedPayloadByteIsReportedAsAChecksumMismatch() throws IOException {
    byte[] bad = bytes(MODELS.get(0));
    bad[bad.length - 10] ^= 1;
    assertThatThrownBy(() -> load(bad)).hasMessageContaining("corrupted").hasMessageContaining("checksum");
  }

  @Test
  void aForeignFileIsRejected() {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1,
        0, 0, 0, 1};
    assertThatThrownBy(() -> load(png)).isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("not a Kindred model");
    assertThatThrownBy(() -> load("hello".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .hasMessageContaining("not a Kindred model");
  }

  @Test
  void aNewerFormatVersionIsRejectedAsSuch() throws IOException {
    byte[] b = bytes(MODELS.get(0));
    ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    bb.putInt(8, ModelFiles.FORMAT_VERSION + 1);
    resign(b);
    assertThatThrownBy(() -> load(b)).isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("version " + (ModelFiles.FORMAT_VERSION + 1)).hasMessageContaining("newer");
  }

  @Test
  void anUnknownAlgorithmIsRejected() throws IOException {
    byte[] b = bytes(MODELS.get(0));
    assertThatThrownBy(() -> ModelFiles.of().load(new ByteArrayInputStream(b)))
        .isInstanceOf(ModelFormatException.class).hasMessageContaining("'popularity'")
        .hasMessageContaining("no codec");
  }

  @Test
  void aHugeDeclaredArrayFailsBeforeAllocating() throws IOException {
    ModelFiles files = ModelFiles.of(new LyingCodec());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    files.save(new Fixed(), out);
    assertThatThrownBy(() -> files.load(new ByteArrayInputStream(out.toByteArray())))
        .isInstanceOf(ModelFormatException.class).hasMessageContaining("float array of length 2000000000");
  }

  @Test
  void aDamagedLengthInTheHeaderOfAShortStreamFailsWithoutAllocatingIt() throws IOException {
    byte[] b = bytes(MODELS.get(0));
    ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putLong(12, 2_000_000_000L);
    assertThatThrownBy(() -> load(b)).isInstanceOf(ModelFormatException.class).hasMessageContaining("truncated");
  }

  @Test
  void savingAModelWithoutCodecFails() {
    assertThatThrownBy(() -> FILES.save(new Fixed(), new ByteArrayOutputStream()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(Fixed.class.getName());
  }

  @Test
  void duplicateCodecsAreRejected() {
    assertThatThrownBy(() -> ModelFiles.of(new LyingCodec(), new LyingCodec()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'lying'");
  }

  /** Recomputes the trailing checksum after a deliberate edit. */
  private static void resign(byte[] b) {
    CRC32C crc = new CRC32C();
    crc.update(b, 0, b.length - 4);
    ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(b.length - 4, (int) crc.getValue());
  }

  /** A one-item model with no codec of its own. */
  static final class Fixed implements Model {
    @Override
    public IdIndex items() {
      return IdIndex.of("x");
    }

    @Override
    public IdIndex users() {
      return IdIndex.of("u");
    }

    @Override
    public void score(Query query, float[] scores) {
      scores[0] = 1f;
    }
  }

  /** Writes a float-array length far beyond the bytes that follow it. */
  static final class LyingCodec implements ModelCodec<Fixed> {
    @Override
    public String algorithm() {
      return "lying";
    }

    @Override
    public Class<Fixed> modelType() {
      return Fixed.class;
    }

    @Override
    public void write(Fixed model, ModelOutput out) {
      out.writeInt(2_000_000_000);
    }

    @Override
    public Fixed read(ModelInput in) throws ModelFormatException {
      in.readFloats();
      return new Fixed();
    }
  }
}
