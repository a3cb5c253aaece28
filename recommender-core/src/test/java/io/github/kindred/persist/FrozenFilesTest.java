package io.github.kindred.persist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.kindred.data.IdIndex;
import io.github.kindred.model.Model;
import io.github.kindred.model.Query;
import io.github.kindred.rating.BaselineModel;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * Files written by format version 1 and frozen in the test resources: every later version of the library must
 * still load them. The expected values are worked by hand from the data they were fitted on.
 */
class FrozenFilesTest {
  private static Model load(String name) throws IOException {
    try (InputStream in = FrozenFilesTest.class.getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return ModelFiles.standard().load(in);
    }
  }

  @Test
  void popularityVersion1() throws IOException {
    // Fitted on u1: {a, b}, u2: {a}: a has two users, b one.
    Model m = load("popularity-v1.kdm");
    assertThat(m.users()).isEqualTo(IdIndex.of("u1", "u2"));
    assertThat(m.items()).isEqualTo(IdIndex.of("a", "b"));
    float[] scores = new float[2];
    m.score(Query.empty(), scores);
    assertThat(scores).containsExactly(2f, 1f);
  }

  @Test
  void baselineVersion1() throws IOException {
    // Fitted with one pass, item regularisation 1 and user regularisation 2, on u0: a=5, b=3; u1: a=4;
    // u2: b=1, c=2 (see BaselineTrainerTest for the arithmetic).
    BaselineModel m = (BaselineModel) load("baseline-v1.kdm");
    assertThat(m.config().iterations()).isEqualTo(1);
    assertThat(m.globalMean()).isCloseTo(3f, within(1e-6f));
    assertThat(m.itemBias(0)).isCloseTo(1f, within(1e-6f));
    assertThat(m.itemBias(1)).isCloseTo(-2f / 3, within(1e-6f));
    assertThat(m.userBias(0)).isCloseTo(5f / 12, within(1e-6f));
    assertThat(m.userBias(2)).isCloseTo(-11f / 24, within(1e-6f));
  }
}
