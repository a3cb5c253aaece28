package io.github.kindred.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kindred.data.Dataset;
import io.github.kindred.model.Model;
import io.github.kindred.model.Query;
import io.github.kindred.persist.ModelFiles;
import io.github.kindred.persist.ModelFormatException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Save/load round trips of both graph models, and states that a codec must refuse. */
class GraphCodecTest {
  private static final Dataset DATA = GraphFilterTest.dataset(GraphFilterTestData.histories(60, 40, 4, 21L));
  private static final ModelFiles FILES = ModelFiles.standard();

  private static byte[] save(Model m) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    FILES.save(m, out);
    return out.toByteArray();
  }

  private static Model load(byte[] b) throws IOException {
    return FILES.load(new ByteArrayInputStream(b));
  }

  private static void assertSameScores(Model a, Model b) {
    float[] sa = new float[a.itemCount()];
    float[] sb = new float[b.itemCount()];
    for (int u = 0; u < DATA.userCount(); u += 7) {
      a.score(Query.forUser(u, DATA.matrix()), sa);
      b.score(Query.forUser(u, DATA.matrix()), sb);
      assertThat(sb).containsExactly(sa);
    }
  }

  @Test
  void graphFilterRoundTrips() throws IOException {
    GraphFilterModel m = new GraphFilterTrainer(GraphFilterConfig.defaults().withRank(5).withSharpen(0.4f)
        .withSteps(2).withSolver(GraphFilterConfig.Solver.RK4).withMerge(GraphFilterConfig.Merge.LATE)).fit(DATA);
    GraphFilterModel back = (GraphFilterModel) load(save(m));
    assertThat(back.config()).isEqualTo(m.config());
    assertThat(back.rank()).isEqualTo(5);
    assertThat(back.singularValues()).isEqualTo(m.singularValues());
    assertSameScores(m, back);
  }

  @Test
  void rp3betaRoundTrips() throws IOException {
    Rp3BetaModel m = new Rp3BetaTrainer(new Rp3BetaConfig(0.9f, 0.4f, 6, 1)).fit(DATA);
    Rp3BetaModel back = (Rp3BetaModel) load(save(m));
    assertThat(back.config()).isEqualTo(m.config());
    assertSameScores(m, back);
  }

  @Test
  void aSingularValueAboveOneIsRejected() throws IOException {
    GraphFilterModel m = new GraphFilterTrainer(GraphFilterConfig.defaults().withRank(2)).fit(DATA);
    double[] bad = m.singularValues();
    bad[1] = 2.5;
    GraphFilterModel broken = new GraphFilterModel(m.config(), m.users(), m.items(), m.graph(), 2,
        m.vectorArray(), bad);
    byte[] file = save(broken);
    assertThatThrownBy(() -> load(file)).isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("singular value 2.5 is not in [0, 1]");
  }

  @Test
  void unsortedTrainingRowsAreRejected() throws IOException {
    GraphFilterModel m = new GraphFilterTrainer(GraphFilterConfig.defaults().withRank(0)).fit(DATA);
    NormalizedGraph g = m.graph();
    int[] columns = g.columns.clone();
    int p = g.rowPointers[3];
    int swap = columns[p];
    columns[p] = columns[p + 1];
    columns[p + 1] = swap;
    GraphFilterModel broken = new GraphFilterModel(m.config(), m.users(), m.items(),
        new NormalizedGraph(g.users, g.items, g.rowPointers, columns), 0, new float[0], new double[0]);
    byte[] file = save(broken);
    assertThatThrownBy(() -> load(file)).isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("item indexes of user 3 are not strictly ascending");
  }

  @Test
  void aNegativeWalkWeightIsRejected() throws IOException {
    Rp3BetaModel m = new Rp3BetaTrainer(Rp3BetaConfig.defaults().withNeighbors(3)).fit(DATA);
    float[] w = m.weightArray().clone();
    w[0] = -1f;
    Rp3BetaModel broken = new Rp3BetaModel(m.config(), m.users(), m.items(), m.pointerArray(), m.neighborArray(),
        w);
    byte[] file = save(broken);
    assertThatThrownBy(() -> load(file)).isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("weight -1.0 is not finite and >= 0");
  }
}
