package io.github.kindred.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InteractionLogTest {
  @Test
  void eventsAreStoredColumnByColumnWithDenseIds() {
    InteractionLog log = InteractionLog.builder()
        .add("alice", "m1", 4f, 100)
        .add("bob", "m2", 3f)
        .add("alice", "m2", 5f, 300)
        .build();
    assertThat(log.size()).isEqualTo(3);
    assertThat(log.users().ids()).containsExactly("alice", "bob");
    assertThat(log.items().ids()).containsExactly("m1", "m2");
    assertThat(new int[] {log.user(0), log.user(1), log.user(2)}).containsExactly(0, 1, 0);
    assertThat(new int[] {log.item(0), log.item(1), log.item(2)}).containsExactly(0, 1, 1);
    assertThat(log.timestamp(1)).isEqualTo(InteractionLog.NO_TIME);
    assertThat(log.hasTimestamps()).isFalse();
    assertThat(InteractionLog.builder().add("a", "b", 1f, 5).build().hasTimestamps()).isTrue();
  }

  @Test
  void invalidEventsAreRejectedAndLeaveTheBuilderUnchanged() {
    InteractionLog.Builder b = InteractionLog.builder().add("u", "i", 1f);
    assertThatThrownBy(() -> b.add(" ", "i", 1f)).hasMessage("user id must not be null or blank");
    assertThatThrownBy(() -> b.add("u", "", 1f)).hasMessage("item id must not be null or blank");
    assertThatThrownBy(() -> b.add("new", "i", Float.NaN))
        .hasMessage("value must be finite, got NaN for user 'new' and item 'i'");
    assertThatThrownBy(() -> b.add("new", "i", 1f, 1, "wishlist", Context.EMPTY))
        .hasMessage("unknown event type 'wishlist'");
    assertThat(b.size()).isEqualTo(1);
    InteractionLog log = b.build();
    assertThat(log.users().ids()).containsExactly("u");
  }

  @Test
  void contextsAreStoredAsDictionaryCodesPerFeature() {
    InteractionLog log = InteractionLog.builder()
        .add("u1", "i1", 1f, 10, "view", Context.of("device", "phone"))
        .add("u2", "i1", 1f, 20, "view", Context.EMPTY)
        .add("u1", "i2", 1f, 30, "click", Context.of("device", "tv", "hour", "night"))
        .add("u2", "i2", 1f, 40, "view", Context.of("device", "phone"))
        .build();
    assertThat(log.contextNames()).containsExactly("device", "hour");
    assertThat(log.contextValues(0).ids()).containsExactly("phone", "tv");
    assertThat(log.contextValues(1).ids()).containsExactly("night");
    assertThat(new int[] {log.contextCode(0, 0), log.contextCode(0, 1), log.contextCode(0, 2),
        log.contextCode(0, 3)}).containsExactly(0, -1, 1, 0);
    assertThat(new int[] {log.contextCode(1, 0), log.contextCode(1, 2), log.contextCode(1, 3)})
        .containsExactly(-1, 0, -1);
    assertThat(log.context(0)).isEqualTo(Context.of("device", "phone"));
    assertThat(log.context(1)).isEqualTo(Context.EMPTY);
    assertThat(log.context(2)).isEqualTo(Context.of("hour", "night", "device", "tv"));
  }

  @Test
  void aContextFeatureFirstSeenLateLeavesEarlierEventsWithoutIt() {
    InteractionLog.Builder b = InteractionLog.builder();
    int n = 2500;
    for (int k = 0; k < n; k++) {
      b.add("u" + (k % 7), "i" + k, 1f);
    }
    b.add("u0", "i0", 1f, 1, "view", Context.of("region", "north"));
    b.add("u1", "i1", 1f);
    InteractionLog log = b.build();
    assertThat(log.size()).isEqualTo(n + 2);
    for (int k = 0; k < n; k++) {
      assertThat(log.contextCode(0, k)).isEqualTo(-1);
    }
    assertThat(log.context(n)).isEqualTo(Context.of("region", "north"));
    assertThat(log.context(n + 1)).isEqualTo(Context.EMPTY);
  }

  @Test
  void filterAndSelectKeepIndexesAndDictionaries() {
    InteractionLog log = InteractionLog.builder()
        .add("a", "x", 1f, 10, "view", Context.of("d", "p"))
        .add("b", "y", 2f, 20, "click", Context.EMPTY)
        .add("c", "z", 3f, 30, "view", Context.of("d", "q"))
        .build();
    InteractionLog late = log.filter((l, i) -> l.timestamp(i) >= 20);
    assertThat(late.size()).isEqualTo(2);
    assertThat(late.users()).isSameAs(log.users());
    assertThat(late.items()).isSameAs(log.items());
    assertThat(late.user(0)).isEqualTo(1);
    assertThat(late.value(1)).isEqualTo(3f);
    assertThat(late.context(1)).isEqualTo(Context.of("d", "q"));
    assertThat(late.eventTypes().name(late.eventType(0))).isEqualTo("click");
    InteractionLog picked = log.select(new int[] {2, 0});
    assertThat(picked.item(0)).isEqualTo(2);
    assertThat(picked.timestamp(1)).isEqualTo(10L);
    assertThat(picked.contextValues(0)).isSameAs(log.contextValues(0));
  }

  @Test
  void knownIdsComeFirstAndStayWithoutEvents() {
    InteractionLog log = InteractionLog.builder()
        .knownUsers(IdIndex.of("u9", "u1"))
        .knownItems(IdIndex.of("i5"))
        .add("u1", "i7", 1f)
        .build();
    assertThat(log.users().ids()).containsExactly("u9", "u1");
    assertThat(log.items().ids()).containsExactly("i5", "i7");
    assertThat(log.user(0)).isEqualTo(1);
    assertThat(log.item(0)).isEqualTo(1);
  }

  @Test
  void rollbackUndoesEverythingAddedSinceTheCheckpoint() {
    InteractionLog.Builder b = InteractionLog.builder().add("a", "x", 1f, 1, "view", Context.of("d", "p"));
    InteractionLog.Builder.Checkpoint mark = b.checkpoint();
    b.add("b", "x", 1f, 2, "view", Context.of("d", "q"));
    b.add("a", "y", 1f, 3, "view", Context.of("h", "night"));
    b.rollback(mark);
    InteractionLog log = b.build();
    assertThat(log.size()).isEqualTo(1);
    assertThat(log.users().ids()).containsExactly("a");
    assertThat(log.items().ids()).containsExactly("x");
    assertThat(log.contextNames()).containsExactly("d");
    assertThat(log.contextValues(0).ids()).containsExactly("p");
    b.add("c", "z", 2f, 4, "view", Context.of("h", "day"));
    InteractionLog after = b.build();
    assertThat(after.users().indexOf("c")).isEqualTo(1);
    assertThat(after.contextNames()).containsExactly("d", "h");
    assertThat(after.context(1)).isEqualTo(Context.of("h", "day"));
    assertThat(after.contextCode(1, 0)).isEqualTo(-1);
    assertThatThrownBy(() -> InteractionLog.builder().rollback(mark))
        .hasMessage("checkpoint was taken on another builder");
  }
}
