package io.github.kindred.session;

import io.github.kindred.data.Sessions;
import it.unimi.dsi.fastutil.ints.IntArrays;
import java.util.Arrays;

/**
 * The training sessions as sets: the distinct items of every session, an item-to-session inverted index whose
 * lists run from the most recent session to the oldest, each session's recency rank and the number of sessions
 * every item is in. Built in {@code O(events log events)}; immutable.
 */
final class SessionIndex {
  final int[] setStart;
  final int[] setItem;
  /** Recency of every session: 0 for the oldest, ties by session index. */
  final int[] rank;
  final int[] postStart;
  final int[] postSession;

  SessionIndex(Sessions sessions, int items) {
    int count = sessions.sessionCount();
    setStart = new int[count + 1];
    int[] buffer = new int[sessions.size()];
    int[] stamp = new int[items];
    Arrays.fill(stamp, -1);
    int n = 0;
    for (int s = 0; s < count; s++) {
      int from = n;
      for (int p = sessions.sessionStart(s); p < sessions.sessionStart(s + 1); p++) {
        int i = sessions.item(p);
        if (stamp[i] != s) {
          stamp[i] = s;
          buffer[n++] = i;
        }
      }
      Arrays.sort(buffer, from, n);
      setStart[s + 1] = n;
    }
    setItem = Arrays.copyOf(buffer, n);
    int[] byTime = new int[count];
    for (int s = 0; s < count; s++) {
      byTime[s] = s;
    }
    IntArrays.mergeSort(byTime, (a, b) -> Long.compare(sessions.time(a), sessions.time(b)));
    rank = new int[count];
    for (int r = 0; r < count; r++) {
      rank[byTime[r]] = r;
    }
    postStart = new int[items + 1];
    for (int p = 0; p < n; p++) {
      postStart[setItem[p] + 1]++;
    }
    for (int i = 0; i < items; i++) {
      postStart[i + 1] += postStart[i];
    }
    postSession = new int[n];
    int[] fill = postStart.clone();
    // Newest first: walk the sessions from the highest rank down.
    for (int r = count - 1; r >= 0; r--) {
      int s = byTime[r];
      for (int p = setStart[s]; p < setStart[s + 1]; p++) {
        postSession[fill[setItem[p]]++] = s;
      }
    }
  }

  int sessions() {
    return rank.length;
  }

  int setSize(int session) {
    return setStart[session + 1] - setStart[session];
  }

  /** Number of training sessions that contain {@code item}. */
  int sessionsWith(int item) {
    return postStart[item + 1] - postStart[item];
  }

  /**
   * Fill scores for items nobody scored: {@code -1 + sessions with the item / (most + 1)}, in (-1, 0), so that the
   * ranking goes on with the most frequent items.
   */
  float[] popularityFill(int items) {
    int most = 0;
    for (int i = 0; i < items; i++) {
      most = Math.max(most, sessionsWith(i));
    }
    float[] fill = new float[items];
    for (int i = 0; i < items; i++) {
      fill[i] = -1f + (float) sessionsWith(i) / (most + 1);
    }
    return fill;
  }
}
