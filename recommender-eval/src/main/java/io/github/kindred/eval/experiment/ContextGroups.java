package io.github.kindred.eval.experiment;

import io.github.kindred.eval.metric.RankingResult;
import io.github.kindred.data.Context;
import io.github.kindred.data.DuplicatePolicy;
import io.github.kindred.data.InteractionLog;
import io.github.kindred.data.InteractionMatrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The test events of a split grouped by (user, context), for context-aware evaluation: row {@code g} of
 * {@link #matrix()} holds the items of group {@code g}, whose user (an index of the test log) is {@code users()[g]}
 * and whose context is {@code contexts()[g]}. Groups are numbered in the order of their first test event. Events
 * without context form a group of their own per user (with the empty context). Immutable.
 *
 * @param matrix the group-by-item matrix (columns as in the test log), repeated pairs summed
 * @param users each group's user index in the test log
 * @param contexts each group's context
 */
record ContextGroups(InteractionMatrix matrix, int[] users, Context[] contexts) {
  private record Key(int user, Context context) {}

  /** Groups the events of {@code test}. */
  static ContextGroups of(InteractionLog test) {
    Map<Key, Integer> index = new HashMap<>();
    List<Context> contexts = new ArrayList<>();
    int[] users = new int[16];
    InteractionLog.Builder rows = InteractionLog.builder().knownItems(test.items());
    for (int i = 0; i < test.size(); i++) {
      Key key = new Key(test.user(i), test.context(i));
      Integer g = index.get(key);
      if (g == null) {
        g = contexts.size();
        index.put(key, g);
        contexts.add(key.context());
        if (g == users.length) {
          users = Arrays.copyOf(users, g * 2);
        }
        users[g] = key.user();
      }
      // Group g's id is its number, and groups first appear in number order, so its row index is g.
      rows.add(Integer.toString(g), test.items().idOf(test.item(i)), test.value(i), test.timestamp(i));
    }
    return new ContextGroups(InteractionMatrix.of(rows.build(), DuplicatePolicy.SUM),
        Arrays.copyOf(users, contexts.size()), contexts.toArray(Context[]::new));
  }

  /**
   * For every {@code feature=value} label, the positions in {@code evaluated} (the evaluated group rows, ascending,
   * as {@link RankingResult#users()} lists them) of the groups whose context has that value; in label order.
   */
  Map<String, int[]> positions(int[] evaluated) {
    Map<String, List<Integer>> lists = new LinkedHashMap<>();
    for (int p = 0; p < evaluated.length; p++) {
      Context c = contexts[evaluated[p]];
      for (int f = 0; f < c.size(); f++) {
        lists.computeIfAbsent(c.name(f) + "=" + c.value(f), k -> new ArrayList<>()).add(p);
      }
    }
    Map<String, int[]> out = new LinkedHashMap<>();
    lists.forEach((label, list) -> out.put(label, list.stream().mapToInt(Integer::intValue).toArray()));
    return out;
  }
}
