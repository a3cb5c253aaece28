package io.github.kindred.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kindred.data.Dataset;
import io.github.kindred.data.IdIndex;
import io.github.kindred.data.InteractionLog;
import io.github.kindred.popularity.PopularityTrainer;
import io.github.kindred.serve.Recommender;
import io.github.kindred.serve.Request;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SegmentHotListsTest {
  /**
   * Items a, b, c, d, e (indexes 0..4). Segment x: u0 (a twice, b), u1 (b, c), u2 (b). Segment y: u3 (d, e, a),
   * u4 (e). u5 has no segment and touches everything. "cold" (segment x) has no events.
   */
  private static Dataset data() {
    InteractionLog log = InteractionLog.builder()
        .add("u0", "a", 1f).add("u0", "a", 1f).add("u0", "b", 1f)
        .add("u1", "b", 1f).add("u1", "c", 1f)
        .add("u2", "b", 1f)
        .add("u3", "d", 1f).add("u3", "e", 1f).add("u3", "a", 1f)
        .add("u4", "e", 1f)
        .add("u5", "a", 1f).add("u5", "b", 1f).add("u5", "c", 1f).add("u5", "d", 1f).add("u5", "e", 1f)
        .knownUsers(IdIndex.of("u0", "u1", "u2", "u3", "u4", "u5", "cold"))
        .build();
    return Dataset.of(log);
  }

  private static final UserSegments SEGMENTS = UserSegments.of("x", "x", "x", "y", "y", null, "x");

  @Test
  void ranksItemsByDistinctSegmentUsers() {
    SegmentHotLists h = SegmentHotLists.compute(data(), SEGMENTS, 3);
    assertThat(h.segments()).containsExactly("x", "y");
    // x: b 3 users, a 1 (u0's two events count once), c 1; the tie a/c goes to the smaller index.
    assertThat(h.top("x")).containsExactly(1, 0, 2);
    assertThat(h.counts("x")).containsExactly(3, 1, 1);
    assertThat(h.topIds("x")).containsExactly("b", "a", "c");
    // y: e 2 users, a 1, d 1.
    assertThat(h.top("y")).containsExactly(4, 0, 3);
    assertThat(h.counts("y")).containsExactly(2, 1, 1);
    assertThat(h.users("x")).isEqualTo(4);
    assertThat(h.users("y")).isEqualTo(2);
    assertThat(h.top("z")).isEmpty();
    assertThat(h.top(null)).isEmpty();
    assertThat(h.users("z")).isZero();
    Map<String, int[]> map = h.asMap();
    assertThat(map.keySet()).containsExactly("x", "y");
    assertThat(map.get("y")).containsExactly(4, 0, 3);
  }

  @Test
  void truncatesToTheSizeAndReturnsCopies() {
    SegmentHotLists h = SegmentHotLists.compute(data(), SEGMENTS, 2);
    assertThat(h.top("x")).containsExactly(1, 0);
    h.top("x")[0] = 99;
    assertThat(h.top("x")).containsExactly(1, 0);
  }

  @Test
  void agreesWithTheServingLayersSegmentList() {
    Dataset data = data();
    Recommender rec = Recommender.builder(new PopularityTrainer().fit(data), data)
        .executor(Runnable::run).minSliceEvents(0)
        .segments(SEGMENTS.byUserId(data.users()))
        .build();
    // "cold" has no events: it is answered from its segment's popular list.
    assertThat(rec.recommend(Request.forUser("cold").count(3).build()).itemIds())
        .containsExactly(SegmentHotLists.compute(data, SEGMENTS, 3).topIds("x"));
  }

  @Test
  void reindexesSegmentsOntoOtherUserIds() {
    // Segments over the ids of a feature table (new users included) moved onto the dataset's users.
    IdIndex tableIds = IdIndex.of("new-1", "u3", "u0", "cold");
    UserSegments byTable = UserSegments.of("y", "y", "x", "x");
    UserSegments onData = byTable.reindexed(tableIds, data().users());
    assertThat(onData.userCount()).isEqualTo(7);
    String[] names = new String[7];
    for (int u = 0; u < 7; u++) {
      names[u] = onData.nameOf(u);
    }
    assertThat(names).containsExactly("x", null, null, "y", null, null, "x");
    assertThat(byTable.byUserId(tableIds).apply("new-1")).isEqualTo("y");
  }

  @Test
  void rejectsMisalignedSegmentsAndBadSize() {
    assertThatThrownBy(() -> SegmentHotLists.compute(data(), SEGMENTS, 0)).hasMessageContaining("size must be >= 1");
    assertThatThrownBy(() -> SegmentHotLists.compute(data(), UserSegments.of("x"), 3))
        .hasMessageContaining("segments must cover the dataset's 7 users, they cover 1");
    assertThatThrownBy(() -> SEGMENTS.byUserId(IdIndex.of("a"))).hasMessageContaining("user ids must number 7 (one per user index), got 1");
  }
}
