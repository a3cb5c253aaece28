package io.github.kindred.session;

import io.github.kindred.data.IdIndex;
import io.github.kindred.data.Sessions;
import io.github.kindred.math.TopN;
import io.github.kindred.model.Model;
import io.github.kindred.model.Query;
import java.util.Arrays;

/**
 * A fitted V-SKNN model. The current session is the query's events ({@link Query#withEvents}) if it carries any,
 * else its history in the given order (last entry the most recent), each item once at its latest occurrence; the
 * entry {@code p} of {@code h} weighs {@code (p + 1) / h}, so the latest event counts most. Among the
 * {@code sampleSize} most recent training sessions that share an item with it, the {@code neighbors} most similar
 * by {@code sum of the weights of the shared items / sqrt(h * |past session|)} each add their similarity to the
 * score of every item they contain. Items no neighbour contains get {@code -1 + share of sessions with the item},
 * below every positive score. The user index of a query is ignored: only the session counts, so a visitor needs no
 * account and a session's new events need no refit.
 *
 * <p>Cost per request: {@code O(h * sampleSize + neighbours x session length + items)}; scratch space is per
 * thread. Immutable and thread-safe.
 */
public final class SessionKnnModel implements Model {
  private final SessionKnnConfig config;
  private final IdIndex users;
  private final IdIndex items;
  private final Sessions sessions;
  private final SessionIndex index;
  private final float[] fill;
  private final ThreadLocal<Scratch> scratch;

  SessionKnnModel(SessionKnnConfig config, IdIndex users, IdIndex items, Sessions sessions) {
    this.config = config;
    this.users = users;
    this.items = items;
    this.sessions = sessions;
    this.index = new SessionIndex(sessions, items.size());
    this.fill = index.popularityFill(items.size());
    int count = index.sessions();
    scratch = ThreadLocal.withInitial(() -> new Scratch(count, config));
  }

  /**
   * The configuration it was trained with.
   *
   * @return the configuration
   */
  public SessionKnnConfig config() {
    return config;
  }

  /**
   * Number of training sessions.
   *
   * @return the session count
   */
  public int sessionCount() {
    return index.sessions();
  }

  Sessions sessions() {
    return sessions;
  }

  @Override
  public IdIndex items() {
    return items;
  }

  @Override
  public IdIndex users() {
    return users;
  }

  @Override
  public void score(Query query, float[] scores) {
    int n = fill.length;
    Model.requireScoreLength(scores, n);
    Arrays.fill(scores, 0, n, 0f);
    Scratch s = scratch.get();
    int h = sequence(query, n, s);
    int m = config.sampleSize();
    int touched = 0;
    for (int k = 0; k < h; k++) {
      int item = s.sequence[k];
      float w = (k + 1f) / h;
      // A session beyond the first sampleSize of a list has sampleSize more recent candidates ahead of it.
      int end = Math.min(index.postStart[item + 1], index.postStart[item] + m);
      for (int p = index.postStart[item]; p < end; p++) {
        int session = index.postSession[p];
        if (!s.seen[session]) {
          s.seen[session] = true;
          s.touched[touched++] = session;
        }
        s.overlap[session] += w;
      }
    }
    TopN recent = s.recent;
    recent.reset(m);
    for (int t = 0; t < touched; t++) {
      int session = s.touched[t];
      recent.offer(session, index.rank[session]);
    }
    int sampled = recent.drainTo(s.sample, null);
    TopN nearest = s.nearest;
    nearest.reset(config.neighbors());
    double norm = Math.sqrt(h);
    for (int q = 0; q < sampled; q++) {
      int session = s.sample[q];
      float sim = (float) (s.overlap[session] / (norm * Math.sqrt(index.setSize(session))));
      if (sim >= nearest.threshold()) {
        nearest.offer(session, sim);
      }
    }
    int found = nearest.drainTo(s.neighbor, s.similarity);
    for (int q = 0; q < found; q++) {
      int session = s.neighbor[q];
      float sim = s.similarity[q];
      for (int p = index.setStart[session]; p < index.setStart[session + 1]; p++) {
        scores[index.setItem[p]] += sim;
      }
    }
    for (int t = 0; t < touched; t++) {
      int session = s.touched[t];
      s.seen[session] = false;
      s.overlap[session] = 0;
    }
    for (int i = 0; i < n; i++) {
      if (scores[i] == 0f) {
        scores[i] = fill[i];
      }
    }
  }

  /**
   * Writes the current session into {@code s.sequence}, oldest first, each known item once at its latest
   * occurrence: the query's events if it carries any, else its history in the given order. Returns the length.
   */
  private static int sequence(Query query, int items, Scratch s) {
    boolean events = query.eventCount() > 0;
    int total = events ? query.eventCount() : query.historySize();
    s.ensure(total, items);
    int h = 0;
    for (int k = total - 1; k >= 0; k--) {
      int item = events ? query.eventItem(k) : query.item(k);
      if (item < items && !s.inSession[item]) {
        s.inSession[item] = true;
        s.sequence[h++] = item;
      }
    }
    for (int a = 0, b = h - 1; a < b; a++, b--) {
      int t = s.sequence[a];
      s.sequence[a] = s.sequence[b];
      s.sequence[b] = t;
    }
    for (int k = 0; k < h; k++) {
      s.inSession[s.sequence[k]] = false;
    }
    return h;
  }

  @Override
  public String toString() {
    return "SessionKnnModel[sessions=" + index.sessions() + ", items=" + fill.length + ", " + config + "]";
  }

  /** Per-thread buffers of one request. */
  private static final class Scratch {
    final boolean[] seen;
    final float[] overlap;
    final int[] touched;
    final TopN recent;
    final TopN nearest;
    final int[] sample;
    final int[] neighbor;
    final float[] similarity;
    boolean[] inSession = new boolean[0];
    int[] sequence = new int[16];

    void ensure(int events, int items) {
      if (inSession.length < items) {
        inSession = new boolean[items];
      }
      if (sequence.length < events) {
        sequence = new int[events];
      }
    }

    Scratch(int sessions, SessionKnnConfig config) {
      seen = new boolean[sessions];
      overlap = new float[sessions];
      touched = new int[sessions];
      recent = new TopN(config.sampleSize());
      nearest = new TopN(config.neighbors());
      sample = new int[config.sampleSize()];
      neighbor = new int[config.neighbors()];
      similarity = new float[config.neighbors()];
    }
  }
}
