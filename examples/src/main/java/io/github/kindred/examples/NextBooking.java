package io.github.kindred.examples;

import io.github.kindred.data.Context;
import io.github.kindred.data.Dataset;
import io.github.kindred.data.DuplicatePolicy;
import io.github.kindred.data.FeatureTable;
import io.github.kindred.data.IdIndex;
import io.github.kindred.data.InteractionLog;
import io.github.kindred.data.InteractionMatrix;
import io.github.kindred.eval.split.Split;
import io.github.kindred.model.Model;
import io.github.kindred.model.Query;
import java.util.Arrays;

/**
 * The "next new booking" protocol of the marketplace examples, on top of a recommender-eval {@link Split}: for
 * every user known to training, the held-out target is the first event after the split of a service the user had
 * not booked before (repeat bookings are excluded, since the evaluator removes seen items), and the request context
 * is that event's context: time of day, weekday, season, district and task, exactly what a live request would carry.
 * With one target per user recall@k equals hit@k.
 */
final class NextBooking {
  /** The training data: binary, with the item and user feature tables. */
  final Dataset train;
  /** The target of each evaluated user, on the training indexes. */
  final InteractionMatrix test;
  /** The context of each user's target event, by training user index; null for users without a target. */
  private final Context[] contexts;
  /** The target item of each user, -1 for none. */
  private final int[] target;

  private NextBooking(Dataset train, InteractionMatrix test, Context[] contexts, int[] target) {
    this.train = train;
    this.test = test;
    this.contexts = contexts;
    this.target = target;
  }

  /** Builds the protocol from a split; the feature tables may be empty but not null. */
  static NextBooking of(Split split, FeatureTable items, FeatureTable users) {
    Dataset train = Dataset.builder(split.train()).binary(true).itemFeatures(items).userFeatures(users).build();
    InteractionMatrix seen = train.matrix();
    IdIndex trainUsers = train.users();
    IdIndex trainItems = train.items();
    InteractionLog held = split.test();
    int[] target = new int[trainUsers.size()];
    Arrays.fill(target, -1);
    long[] when = new long[target.length];
    Context[] contexts = new Context[target.length];
    for (int e = 0; e < held.size(); e++) {
      int u = trainUsers.indexOf(held.users().idOf(held.user(e)));
      int i = trainItems.indexOf(held.items().idOf(held.item(e)));
      if (u < 0 || i < 0 || seen.contains(u, i)) {
        continue;
      }
      if (target[u] < 0 || held.timestamp(e) < when[u]) {
        target[u] = i;
        when[u] = held.timestamp(e);
        contexts[u] = held.context(e);
      }
    }
    InteractionLog.Builder b = InteractionLog.builder().knownUsers(trainUsers).knownItems(trainItems);
    for (int u = 0; u < target.length; u++) {
      if (target[u] >= 0) {
        b.add(trainUsers.idOf(u), trainItems.idOf(target[u]), 1f, when[u]);
      }
    }
    InteractionMatrix test = InteractionMatrix.of(b.build(), DuplicatePolicy.SUM);
    return new NextBooking(train, test, contexts, target);
  }

  /** Number of users with a target. */
  int users() {
    return test.nnz();
  }

  /** The target item index of user {@code u}, -1 for none. */
  int target(int u) {
    return target[u];
  }

  /** The context of user {@code u}'s target event, null for none. */
  Context context(int u) {
    return contexts[u];
  }

  /**
   * The model as the evaluator should see it: every query of a user with a target carries that target's context.
   * Context-free models ignore it, so all models are compared on the same requests.
   */
  Model inContext(Model base) {
    return new InContext(base, contexts);
  }

  /** Delegates scoring with the user's target context attached. */
  private static final class InContext implements Model {
    private final Model base;
    private final Context[] contexts;

    InContext(Model base, Context[] contexts) {
      this.base = base;
      this.contexts = contexts;
    }

    @Override
    public IdIndex items() {
      return base.items();
    }

    @Override
    public IdIndex users() {
      return base.users();
    }

    @Override
    public void score(Query query, float[] scores) {
      int u = query.user();
      Context c = u >= 0 && u < contexts.length ? contexts[u] : null;
      base.score(c == null ? query : query.withContext(c), scores);
    }
  }
}
