package io.github.kindred.examples;

import io.github.kindred.data.Dataset;
import io.github.kindred.data.InteractionLog;
import io.github.kindred.math.TopN;
import io.github.kindred.model.Query;
import io.github.kindred.repeat.RepeatConfig;
import io.github.kindred.repeat.RepeatModel;
import io.github.kindred.repeat.RepeatTrainer;
import java.io.PrintStream;
import java.util.SplittableRandom;

/**
 * A returning customer's buy-again list beside their discovery list, from one repeat-aware model (TIFU-KNN). A
 * seeded grocery of 400 customers and 60 products in 6 aisles of taste: every customer has 4 staples in their
 * aisle, buys each with probability 0.6 in a weekly basket, adds one or two other products of the aisle and now
 * and then a random one. The buy-again list ranks what the customer bought before, explained as "bought 9 times,
 * in the last basket"; the discovery list ranks what they never bought, which the nearest customers (the same
 * aisle) bring in.
 *
 * <p>Run with {@code java -cp examples/target/kindred-demo.jar io.github.kindred.examples.BuyAgain}.
 */
public final class BuyAgain {
  static final int CUSTOMERS = 400;
  static final int PRODUCTS = 60;
  static final int AISLES = 6;
  private static final long DAY = 86_400;

  private BuyAgain() {}

  /** What the example shows, for tests: the customer, their two lists and the model. */
  record Lists(String customer, int user, int[] buyAgain, int[] discovery, RepeatModel model) {}

  /** Runs the example, printing to standard output. */
  public static void main(String[] args) {
    run(System.out);
  }

  /** The seeded shop: customer {@code c<k>} shops in aisle {@code k % 6}, products {@code p<10 * aisle + j>}. */
  static Dataset shop(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    InteractionLog.Builder log = InteractionLog.builder();
    for (int c = 0; c < CUSTOMERS; c++) {
      int aisle = c % AISLES;
      int[] staples = new int[4];
      for (int s = 0; s < 4; s++) {
        staples[s] = 10 * aisle + (c / AISLES + 3 * s) % 10;
      }
      int weeks = 10 + r.nextInt(11);
      for (int w = 0; w < weeks; w++) {
        long time = (7L * w + c % 7) * DAY;
        boolean any = false;
        for (int s : staples) {
          if (r.nextDouble() < 0.6) {
            log.add("c" + c, "p" + s, 1, time);
            any = true;
          }
        }
        for (int k = 0; k < 1 + r.nextInt(2); k++) {
          log.add("c" + c, "p" + (10 * aisle + r.nextInt(10)), 1, time);
          any = true;
        }
        if (!any || r.nextDouble() < 0.2) {
          log.add("c" + c, "p" + r.nextInt(PRODUCTS), 1, time);
        }
      }
    }
    return Dataset.of(log.build());
  }

  /** Fits the model, prints the two lists of customer {@code c7} and returns them. */
  static Lists run(PrintStream out) {
    Dataset data = shop(42);
    RepeatModel model = new RepeatTrainer(RepeatConfig.defaults().withNeighbors(30, 0.5)).fit(data);
    String customer = "c7";
    int user = data.users().indexOf(customer);
    float[] scores = new float[model.itemCount()];
    model.score(Query.forUser(user, data.matrix()), scores);
    TopN again = new TopN(5);
    TopN discover = new TopN(5);
    for (int i = 0; i < scores.length; i++) {
      (model.boughtBefore(user, i) ? again : discover).offer(i, scores[i]);
    }
    int[] buyAgain = again.drain();
    int[] discovery = discover.drain();
    out.println("Customer " + customer + ": buy again");
    for (int i : buyAgain) {
      out.printf("  %-4s %.4f  %s%n", data.items().idOf(i), scores[i], model.explain(user, i).describe());
    }
    out.println("Customer " + customer + ": discover");
    for (int i : discovery) {
      out.printf("  %-4s %.4f  %s%n", data.items().idOf(i), scores[i], model.explain(user, i).describe());
    }
    return new Lists(customer, user, buyAgain, discovery, model);
  }
}
