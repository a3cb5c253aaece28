package io.github.kindred.factorization;

import io.github.kindred.data.Dataset;
import io.github.kindred.data.InteractionLog;
import java.util.SplittableRandom;

/** Small seeded datasets for the factorisation tests. */
final class TestData {
  private TestData() {}

  /**
   * {@code users} users, each with about {@code density * items} distinct items and integer values in 1..5,
   * drawn from {@code seed}; every item is registered even if nobody drew it.
   */
  static Dataset random(int users, int items, double density, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    InteractionLog.Builder log = InteractionLog.builder();
    for (int i = 0; i < items; i++) {
      log.add("u0", "i" + i, 1 + random.nextInt(5)); // user 0 has every item: all items indexed in order
    }
    for (int u = 1; u < users; u++) {
      for (int i = 0; i < items; i++) {
        if (random.nextDouble() < density) {
          log.add("u" + u, "i" + i, 1 + random.nextInt(5));
        }
      }
    }
    return Dataset.of(log.build());
  }
}
