package io.github.kindred.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.kindred.factorization.ImplicitAlsModel;
import io.github.kindred.model.Model;
import io.github.kindred.model.Query;
import io.github.kindred.persist.ModelFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SparkAlsTest {
  /**
   * MLlib's last half-iteration solves every user's system against the final item factors, so folding a training
   * user's own history into the exported model must give back that user's exported vector (and scores): this
   * holds only if the exported regularisation and confidence state MLlib's objective correctly.
   */
  @Test
  void foldingInAUsersHistoryReproducesTheirMllibVector() throws IOException {
    SplittableRandom random = new SplittableRandom(3);
    List<Object[]> rows = new ArrayList<>();
    for (int u = 0; u < 30; u++) {
      int n = 2 + random.nextInt(8);
      for (int k = 0; k < n; k++) {
        rows.add(new Object[] {"u" + u, "i" + random.nextInt(25)});
      }
    }
    SparkInteractions data = SparkInteractions.read(LocalSpark.events(rows.toArray(new Object[0][])),
        ColumnMapping.defaults(), true);
    ImplicitAlsModel model = SparkAls.fit(data,
        MllibAlsConfig.defaults().withFactors(4).withIterations(6).withRegParam(0.05).withAlpha(2));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ModelFiles.standard().save(model, out);
    Model loaded = ModelFiles.standard().load(new ByteArrayInputStream(out.toByteArray()));
    io.github.kindred.data.InteractionMatrix m = data.toDataset().matrix();
    int items = m.columns();
    float[] known = new float[items];
    float[] folded = new float[items];
    for (int u = 0; u < m.rows(); u++) {
      loaded.score(Query.forUser(u, m), known);
      loaded.score(Query.of(Query.ANONYMOUS, m.row(u), m.rowValues(u)), folded);
      for (int i = 0; i < items; i++) {
        assertThat(folded[i]).as("user %d item %d", u, i).isCloseTo(known[i], within(2e-3f));
      }
    }
    data.release();
  }
}
