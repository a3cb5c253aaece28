package io.github.kindred.bench.data;

import io.github.kindred.data.Dataset;
import io.github.kindred.data.InteractionLog;
import java.util.SplittableRandom;

/**
 * Generates implicit-feedback datasets of a stated size with a skewed item popularity, the shape of real
 * interaction data: item {@code i} is drawn with a probability that falls off like a power law in {@code i}, so a
 * few items are in most histories and most items are rare, and every user gets {@code perUser} distinct items.
 */
public final class TrainingData {
  private TrainingData() {}

  /**
   * Builds a binary dataset of {@code users} users, each with {@code perUser} distinct items among {@code items}.
   *
   * @param users number of users, >= 1
   * @param items number of items, >= perUser
   * @param perUser history length of every user, >= 1
   * @param salt mixed into {@link BenchData#SEED}
   * @throws IllegalArgumentException if {@code perUser > items}
   */
  public static Dataset generate(int users, int items, int perUser, long salt) {
    if (perUser > items) {
      throw new IllegalArgumentException("perUser " + perUser + " exceeds items " + items);
    }
    SplittableRandom random = new SplittableRandom(BenchData.SEED ^ salt * 0x94D049BB133111EBL);
    InteractionLog.Builder log = InteractionLog.builder();
    String[] itemIds = new String[items];
    for (int i = 0; i < items; i++) {
      itemIds[i] = "i" + i;
    }
    boolean[] taken = new boolean[items];
    int[] history = new int[perUser];
    for (int u = 0; u < users; u++) {
      String userId = "u" + u;
      int n = 0;
      while (n < perUser) {
        // The cube of a uniform draw puts item i's probability near (i / items)^(-2/3): a long tail.
        double r = random.nextDouble();
        int i = (int) (r * r * r * items);
        if (!taken[i]) {
          taken[i] = true;
          history[n++] = i;
        }
      }
      for (int k = 0; k < n; k++) {
        log.add(userId, itemIds[history[k]], 1f);
        taken[history[k]] = false;
      }
    }
    return Dataset.builder(log.build()).binary(true).build();
  }
}
