package io.github.kindred.serve.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kindred.model.Query;
import org.junit.jupiter.api.Test;

class CandidateStageTest {
  private final CandidateStage stage = new CandidateStage();

  @Test
  void withoutRetrieverEveryItemIsACandidate() {
    Candidates c = stage.select(null, Query.empty(), 3, 5);
    assertThat(c.isAll()).isTrue();
    assertThat(c.size()).isEqualTo(5);
    assertThat(c.item(4)).isEqualTo(4);
    assertThatThrownBy(() -> c.item(5)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void aRetrieverGivesAnExplicitListAskedForTheWantedCount() {
    int[] asked = new int[1];
    CandidateRetriever r = (q, wanted, out) -> {
      asked[0] = wanted;
      out[0] = 7;
      out[1] = 2;
      return 2;
    };
    Candidates c = stage.select(r, Query.empty(), 3, 10);
    assertThat(asked[0]).isEqualTo(3);
    assertThat(c.isAll()).isFalse();
    assertThat(c.size()).isEqualTo(2);
    assertThat(new int[] {c.item(0), c.item(1)}).containsExactly(7, 2);
    assertThatThrownBy(() -> c.item(2)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void askingForTheWholeCatalogueIsTheFullScan() {
    CandidateRetriever never = (q, wanted, out) -> {
      throw new AssertionError("not to be asked");
    };
    assertThat(stage.select(never, Query.empty(), 10, 10).isAll()).isTrue();
  }

  @Test
  void aBrokenRetrieverIsRejected() {
    CandidateRetriever tooMany = (q, wanted, out) -> wanted + 1;
    assertThatThrownBy(() -> stage.select(tooMany, Query.empty(), 2, 10))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("returned 3 candidates when asked for 2");
    CandidateRetriever outside = (q, wanted, out) -> {
      out[0] = 10;
      return 1;
    };
    assertThatThrownBy(() -> stage.select(outside, Query.empty(), 2, 10))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("item index 10, outside the model's 10");
  }
}
