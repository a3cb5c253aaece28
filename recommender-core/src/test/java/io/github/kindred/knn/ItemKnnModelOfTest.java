package io.github.kindred.knn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.kindred.data.IdIndex;
import io.github.kindred.model.Query;
import io.github.kindred.persist.ModelFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class ItemKnnModelOfTest {
  private static final IdIndex USERS = IdIndex.of("u0", "u1");
  private static final IdIndex ITEMS = IdIndex.of("a", "b", "c");

  /** a: {b 0.5, c 0.25}, b: {a 0.5}, c: none. */
  private static ItemKnnModel lists() {
    return ItemKnnModel.of(ItemKnnConfig.defaults().withThreads(1), USERS, ITEMS, new int[] {0, 2, 3, 3},
        new int[] {1, 2, 0}, new float[] {0.5f, 0.25f, 0.5f});
  }

  @Test
  void scoresWithTheCandidatesNeighbourhood() {
    ItemKnnModel model = lists();
    float[] scores = new float[3];
    // history b (weight 2) and c (weight 1): a sums 2 * sim(a, b) + 1 * sim(a, c) = 1.25; b has only a; c none.
    model.score(Query.of(Query.ANONYMOUS, new int[] {1, 2}, new float[] {2f, 1f}), scores);
    assertThat(scores).containsExactly(new float[] {1.25f, 0f, 0f}, within(1e-6f));
    assertThat(model.neighborsOf(0)).containsExactly(1, 2);
    assertThat(model.similarity(1, 0)).isEqualTo(0.5f);
  }

  @Test
  void copiesItsArraysAndRoundTripsThroughAModelFile() throws IOException {
    int[] neighbors = {1, 2, 0};
    ItemKnnModel model = ItemKnnModel.of(ItemKnnConfig.defaults(), USERS, ITEMS, new int[] {0, 2, 3, 3},
        neighbors, new float[] {0.5f, 0.25f, 0.5f});
    neighbors[0] = 2;
    assertThat(model.neighborsOf(0)).containsExactly(1, 2);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ModelFiles.standard().save(model, out);
    ItemKnnModel loaded = (ItemKnnModel) ModelFiles.standard().load(new ByteArrayInputStream(out.toByteArray()));
    assertThat(loaded.items()).isEqualTo(ITEMS);
    assertThat(loaded.neighborsOf(0)).containsExactly(1, 2);
    assertThat(loaded.similarity(0, 2)).isEqualTo(0.25f);
  }

  @Test
  void rejectsListsThatAreNotNeighbourLists() {
    ItemKnnConfig c = ItemKnnConfig.defaults();
    assertThatThrownBy(() -> ItemKnnModel.of(c, USERS, ITEMS, new int[] {0, 2, 3}, new int[] {1, 2, 0},
        new float[3])).hasMessageContaining("pointers has length 3, expected items + 1 = 4");
    assertThatThrownBy(() -> ItemKnnModel.of(c, USERS, ITEMS, new int[] {0, 2, 3, 3}, new int[] {1, 2, 0},
        new float[2])).hasMessageContaining("neighbors has 3 entries but similarities has 2");
    assertThatThrownBy(() -> ItemKnnModel.of(c, USERS, ITEMS, new int[] {0, 2, 1, 3}, new int[] {1, 2, 0},
        new float[3])).hasMessageContaining("pointers decrease at item 1");
    assertThatThrownBy(() -> ItemKnnModel.of(c, USERS, ITEMS, new int[] {0, 2, 3, 3}, new int[] {0, 2, 0},
        new float[3])).hasMessageContaining("item 0 has neighbour 0");
    assertThatThrownBy(() -> ItemKnnModel.of(c, USERS, ITEMS, new int[] {0, 2, 3, 3}, new int[] {1, 3, 0},
        new float[3])).hasMessageContaining("item 0 has neighbour 3");
    assertThatThrownBy(() -> ItemKnnModel.of(c, USERS, ITEMS, new int[] {0, 2, 3, 3}, new int[] {1, 2, 0},
        new float[] {1f, Float.NaN, 1f})).hasMessageContaining("item 0 has similarity NaN to item 2");
    assertThatThrownBy(() -> ItemKnnModel.of(c, USERS, ITEMS, new int[] {1, 2, 3, 3}, new int[] {1, 2, 0},
        new float[3])).hasMessageContaining("pointers must run from 0 to 3");
  }
}
