package io.github.kindred.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatasetTest {
  private static InteractionLog log() {
    return InteractionLog.builder()
        .add("u1", "a", 4f, 10)
        .add("u1", "a", 2f, 20)
        .add("u2", "b", 3f, 30)
        .add("u1", "b", 5f, 40)
        .build();
  }

  @Test
  void ofSumsWeightedValuesPerCell() {
    Dataset d = Dataset.of(log());
    assertThat(d.userCount()).isEqualTo(2);
    assertThat(d.itemCount()).isEqualTo(2);
    assertThat(d.matrix().nnz()).isEqualTo(3);
    assertThat(d.matrix().get(0, 0)).isEqualTo(6f);
    assertThat(d.matrix().get(0, 1)).isEqualTo(5f);
    assertThat(d.matrix().get(1, 1)).isEqualTo(3f);
    assertThat(d.users()).isSameAs(d.log().users());
    assertThat(d.items()).isSameAs(d.log().items());
    assertThat(d.itemFeatures().entities().size()).isZero();
    assertThat(d).hasToString("Dataset[users=2, items=2, interactions=3]");
  }

  @Test
  void binaryMakesEveryStoredCellOne() {
    Dataset d = Dataset.builder(log()).binary(true).build();
    assertThat(d.matrix().values()).containsExactly(1, 1, 1);
    assertThat(d.matrix().nnz()).isEqualTo(3);
    assertThat(d.log().value(0)).isEqualTo(4f);
  }

  @Test
  void duplicatePolicyIsApplied() {
    assertThat(Dataset.builder(log()).duplicates(DuplicatePolicy.MAX).build().matrix().get(0, 0)).isEqualTo(4f);
    assertThat(Dataset.builder(log()).duplicates(DuplicatePolicy.LATEST).build().matrix().get(0, 0))
        .isEqualTo(2f);
  }

  @Test
  void featuresAreAttachedAndReplaced() {
    FeatureTable items = FeatureTable.builder().tags("a", "genre", "Drama").build();
    FeatureTable users = FeatureTable.builder().categorical("u1", "gender", "F").build();
    Dataset d = Dataset.builder(log()).itemFeatures(items).userFeatures(users).build();
    assertThat(d.itemFeatures()).isSameAs(items);
    assertThat(d.userFeatures()).isSameAs(users);
    FeatureTable other = FeatureTable.builder().entity("b").build();
    Dataset e = d.withItemFeatures(other);
    assertThat(e.itemFeatures()).isSameAs(other);
    assertThat(e.matrix()).isSameAs(d.matrix());
    assertThat(d.withUserFeatures(FeatureTable.empty()).userFeatures().entities().size()).isZero();
  }

  @Test
  void emptyLogIsRejected() {
    assertThatThrownBy(() -> Dataset.of(InteractionLog.builder().build()))
        .hasMessage("the interaction log is empty");
  }

  @Test
  void requireNonNegativeValuesAcceptsZeroAndNamesTheFirstNegativeCell() {
    // u1 has a 4 + -4 = 0 cell (allowed) and u2 a -1 one; the check reads the summed cells, not the events.
    InteractionLog l = InteractionLog.builder().add("u1", "a", 4f).add("u1", "a", -4f).add("u2", "b", -1f).build();
    Dataset zero = Dataset.of(InteractionLog.builder().add("u1", "a", 4f).add("u1", "a", -4f).build());
    zero.requireNonNegativeValues("X");
    assertThatThrownBy(() -> Dataset.of(l).requireNonNegativeValues("X"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("X needs interaction values >= 0, got -1.0 for user 'u2' (index 1) and item 'b' (index 1)");
  }
}
