package io.github.kindred.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kindred.data.InteractionMatrix;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class SparkInteractionsTest {
  /** u2 a 1, u1 b 2, u2 b 1, u1 b 3, u3 c 1: users by first event u2, u1, u3; items a, b, c. */
  private static org.apache.spark.sql.Dataset<Row> frame() {
    return LocalSpark.events(new Object[] {"u2", "a", 1f}, new Object[] {"u1", "b", 2f},
        new Object[] {"u2", "b", 1f}, new Object[] {"u1", "b", 3f}, new Object[] {"u3", "c", 1f});
  }

  private static Map<String, Float> cells(SparkInteractions data) {
    Map<String, Float> out = new HashMap<>();
    for (Row r : data.cells().collectAsList()) {
      out.put(data.users().idOf(r.getInt(0)) + "/" + data.items().idOf(r.getInt(1)), r.getFloat(2));
    }
    return out;
  }

  @Test
  void numbersIdsByFirstEventAndSumsRepeatedCells() {
    SparkInteractions data = SparkInteractions.read(frame(), ColumnMapping.defaults(), false);
    assertThat(data.users().ids()).containsExactly("u2", "u1", "u3");
    assertThat(data.items().ids()).containsExactly("a", "b", "c");
    assertThat(data.eventCount()).isEqualTo(5);
    assertThat(data.cellCount()).isEqualTo(4);
    // u1 b: 2 + 3.
    assertThat(cells(data)).containsExactlyInAnyOrderEntriesOf(
        Map.of("u2/a", 1f, "u1/b", 5f, "u2/b", 1f, "u3/c", 1f));
    data.release();
  }

  @Test
  void binaryCellsAreOneAndTheCollectedDatasetHasTheSameMatrix() {
    SparkInteractions data = SparkInteractions.read(frame(), ColumnMapping.defaults(), true);
    assertThat(cells(data)).containsEntry("u1/b", 1f).hasSize(4);
    InteractionMatrix m = data.toDataset().matrix();
    assertThat(m.rows()).isEqualTo(3);
    assertThat(m.row(0)).containsExactly(0, 1);
    assertThat(m.row(1)).containsExactly(1);
    assertThat(m.rowValues(1)).containsExactly(1f);
    assertThat(m.row(2)).containsExactly(2);
    data.release();
  }

  @Test
  void withoutAValueColumnEveryEventCountsOne() {
    SparkInteractions data = SparkInteractions.read(frame(), ColumnMapping.defaults().withValue(null), false);
    assertThat(cells(data)).containsEntry("u1/b", 2f);
    data.release();
  }

  @Test
  void rejectsMissingColumnsNullIdsAndBadValuesNamingTheEvent() {
    assertThatThrownBy(() -> SparkInteractions.read(frame(), ColumnMapping.defaults().withTimestamp("when"), false))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("column 'when' is not in the frame");
    assertThatThrownBy(() -> SparkInteractions.read(LocalSpark.events(new Object[] {"u1", "a", 1f},
        new Object[] {"u2", null, 1f}), ColumnMapping.defaults(), false))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("user 'u2'")
        .hasMessageContaining("no item id (column 'item')");
    assertThatThrownBy(() -> SparkInteractions.read(LocalSpark.events(new Object[] {"u1", "a", Float.NaN}),
        ColumnMapping.defaults(), false))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-finite value NaN");
    assertThatThrownBy(() -> SparkInteractions.read(LocalSpark.events(new Object[] {"u1", "a", 1f}),
        ColumnMapping.defaults().withTimestamp("timestamp"), false))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no integral timestamp");
    assertThatThrownBy(() -> SparkInteractions.read(frame().limit(0), ColumnMapping.defaults(), false))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no rows");
  }

  @Test
  void parsesTheCliColumnMapping() {
    assertThat(ColumnMapping.parse("user=uid,item=iid,timestamp=ts"))
        .isEqualTo(new ColumnMapping("uid", "iid", null, "ts"));
    assertThatThrownBy(() -> ColumnMapping.parse("user=u,rating=r")).hasMessageContaining("'rating'");
    assertThatThrownBy(() -> ColumnMapping.parse("user=u")).hasMessageContaining("must name both");
  }
}
