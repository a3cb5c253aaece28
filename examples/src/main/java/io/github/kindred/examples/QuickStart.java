package io.github.kindred.examples;

import io.github.kindred.data.Dataset;
import io.github.kindred.data.InteractionLog;
import io.github.kindred.knn.ItemKnnConfig;
import io.github.kindred.knn.ItemKnnTrainer;
import io.github.kindred.model.Model;
import io.github.kindred.serve.Recommendations;
import io.github.kindred.serve.Recommender;
import io.github.kindred.serve.Request;
import java.io.PrintStream;

/**
 * The smallest complete program: build a log, fit a model, serve a request. The region between the README markers
 * is the README's quick start, word for word.
 *
 * <p>Run with {@code java -cp examples/target/kindred-demo.jar io.github.kindred.examples.QuickStart}.
 */
public final class QuickStart {
  private QuickStart() {}

  /** Runs the quick start, printing to standard output. */
  public static void main(String[] args) {
    run(System.out);
  }

  /** Runs the quick start, printing each recommendation to {@code out}; returns them for tests. */
  static Recommendations run(PrintStream out) {
    // README-START
    InteractionLog log = InteractionLog.builder()
        .add("alice", "leak-repair", 1f)
        .add("alice", "boiler-service", 1f)
        .add("bob", "leak-repair", 1f)
        .add("bob", "drain-unblocking", 1f)
        .add("carol", "boiler-service", 1f)
        .add("carol", "radiator-bleeding", 1f)
        .add("dave", "leak-repair", 1f)
        .add("dave", "drain-unblocking", 1f)
        .build();
    Dataset data = Dataset.builder(log).binary(true).build();
    Model model = new ItemKnnTrainer(ItemKnnConfig.defaults()).fit(data);

    Recommender recommender = Recommender.builder(model, data).build();   // thread-safe
    Recommendations recs = recommender.recommend(Request.forUser("alice").count(5).build());
    for (int k = 0; k < recs.size(); k++) {
      out.println(recs.itemId(k) + " " + recs.score(k) + " " + recs.explanation(k));
    }
    // README-END
    return recs;
  }
}
