package io.github.kindred.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SessionsTest {
  /** u1: a@10, b@5, c@10, d@40 in log order; u2: nothing; u3: e@7. Items a..e = 0..4. */
  private static InteractionLog log() {
    return InteractionLog.builder().knownUsers(IdIndex.of("u1", "u2", "u3"))
        .add("u1", "a", 1, 10).add("u1", "b", 1, 5).add("u1", "c", 1, 10).add("u1", "d", 1, 40)
        .add("u3", "e", 1, 7)
        .build();
  }

  @Test
  void eventsAreOrderedByTimeAndCutAtGaps() {
    // Gap 0: one session per timestamp: [b] @5, [a, c] @10 (log order kept), [d] @40.
    Sessions s = Sessions.of(log(), 0);
    int u1 = log().users().indexOf("u1");
    assertThat(s.userStart(u1 + 1) - s.userStart(u1)).isEqualTo(3);
    int first = s.userStart(u1);
    assertThat(items(s, first)).containsExactly(1);
    assertThat(items(s, first + 1)).containsExactly(0, 2);
    assertThat(s.time(first + 1)).isEqualTo(10);
    // Gap 5: b@5 and a@10 are 5 apart (same session), d is 30 later (new one).
    Sessions wide = Sessions.of(log(), 5);
    assertThat(items(wide, wide.userStart(u1))).containsExactly(1, 0, 2);
    assertThat(wide.sessionCount()).isEqualTo(3);
    int u2 = log().users().indexOf("u2");
    assertThat(wide.userStart(u2 + 1)).isEqualTo(wide.userStart(u2));
  }

  @Test
  void aSessionAddedForAUserLandsAfterItsOthers() {
    Sessions s = Sessions.of(log(), 0);
    int u1 = log().users().indexOf("u1");
    Sessions more = s.withSession(u1, new int[] {4, 4}, 50);
    assertThat(more.sessionCount()).isEqualTo(s.sessionCount() + 1);
    assertThat(items(more, more.userStart(u1 + 1) - 1)).containsExactly(4, 4);
    int u3 = log().users().indexOf("u3");
    assertThat(items(more, more.userStart(u3))).containsExactly(4);
    assertThat(more.time(more.userStart(u3))).isEqualTo(7);
    Sessions copy = Sessions.of(more.userStarts(), more.sessionStarts(), more.itemArray(), more.times());
    assertThat(copy.toString()).isEqualTo(more.toString());
    assertThatThrownBy(() -> s.withSession(u1, new int[] {1}, 39)).hasMessageContaining("earlier");
    assertThatThrownBy(() -> s.withSession(u1, new int[0], 60)).hasMessageContaining("at least one");
  }

  @Test
  void badInputIsRejected() {
    assertThatThrownBy(() -> Sessions.of(log(), -1)).hasMessageContaining("gapSeconds");
    InteractionLog untimed = InteractionLog.builder().add("u", "a", 1).build();
    assertThatThrownBy(() -> Sessions.of(untimed, 0)).hasMessageContaining("timestamps").hasMessageContaining("'u'");
    assertThatThrownBy(() -> Sessions.of(new int[] {0, 2}, new int[] {0, 1}, new int[] {0}, new long[] {1}))
        .hasMessageContaining("userStart");
    assertThatThrownBy(() -> Sessions.of(new int[] {0, 2}, new int[] {0, 1, 2}, new int[] {0, 1}, new long[] {5, 1}))
        .hasMessageContaining("earlier");
  }

  private static int[] items(Sessions s, int session) {
    int[] out = new int[s.sessionStart(session + 1) - s.sessionStart(session)];
    for (int p = 0; p < out.length; p++) {
      out[p] = s.item(s.sessionStart(session) + p);
    }
    return out;
  }
}
