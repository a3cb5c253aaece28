package io.github.kindred.bench.compare;

import io.github.kindred.data.InteractionMatrix;
import java.util.List;
import org.apache.mahout.cf.taste.impl.common.FastByIDMap;
import org.apache.mahout.cf.taste.impl.common.FastIDSet;
import org.apache.mahout.cf.taste.impl.model.GenericBooleanPrefDataModel;
import org.apache.mahout.cf.taste.impl.recommender.AllUnknownItemsCandidateItemsStrategy;
import org.apache.mahout.cf.taste.impl.recommender.GenericBooleanPrefItemBasedRecommender;
import org.apache.mahout.cf.taste.impl.recommender.svd.ALSWRFactorizer;
import org.apache.mahout.cf.taste.impl.recommender.svd.SVDRecommender;
import org.apache.mahout.cf.taste.impl.similarity.LogLikelihoodSimilarity;
import org.apache.mahout.cf.taste.model.DataModel;
import org.apache.mahout.cf.taste.recommender.RecommendedItem;
import org.apache.mahout.cf.taste.recommender.Recommender;

/**
 * Apache Mahout Taste 0.13 (the in-memory, non-distributed recommenders). Users and items keep the split's dense
 * indexes as their long ids. Mahout's {@code recommend} never returns a user's own items, as the protocol requires.
 */
final class MahoutContenders {
  private MahoutContenders() {}

  /**
   * The Mahout systems.
   *
   * @param itemBasedUsers how many users the item-based recommender is evaluated on (it takes of the order of
   *     100 ms per user)
   * @param factors ALS-WR factors
   * @param iterations ALS-WR iterations
   * @param lambda ALS-WR regularisation (0.065 in Mahout's examples)
   * @param alpha ALS-WR confidence weight of observed pairs (40 in Mahout's examples)
   * @param threads ALS-WR training threads
   */
  static List<Contender> all(int itemBasedUsers, int factors, int iterations, double lambda, double alpha,
      int threads) {
    return List.of(
        new Taste("Mahout 0.13 item-based (boolean), log-likelihood", itemBasedUsers) {
          @Override
          Recommender build(DataModel model) throws Exception {
            return new GenericBooleanPrefItemBasedRecommender(model, new LogLikelihoodSimilarity(model));
          }
        },
        new Taste("Mahout 0.13 ALS-WR implicit, " + factors + " factors, " + iterations + " it., lambda " + lambda
            + ", alpha " + alpha, Integer.MAX_VALUE) {
          @Override
          Recommender build(DataModel model) throws Exception {
            ALSWRFactorizer als = new ALSWRFactorizer(model, factors, lambda, iterations, true, alpha, threads);
            return new SVDRecommender(model, als, new AllUnknownItemsCandidateItemsStrategy());
          }
        });
  }

  /** A Taste recommender over a boolean data model of the training matrix. */
  abstract static class Taste implements Contender {
    private final String name;
    private final int userLimit;
    private Recommender recommender;

    Taste(String name, int userLimit) {
      this.name = name;
      this.userLimit = userLimit;
    }

    abstract Recommender build(DataModel model) throws Exception;

    @Override
    public String name() {
      return name;
    }

    @Override
    public int userLimit() {
      return userLimit;
    }

    @Override
    public void fit(Split split) throws Exception {
      InteractionMatrix m = split.matrix();
      FastByIDMap<FastIDSet> data = new FastByIDMap<>(m.rows());
      for (int u = 0; u < m.rows(); u++) {
        int[] row = m.row(u);
        FastIDSet set = new FastIDSet(row.length);
        for (int i : row) {
          set.add(i);
        }
        data.put(u, set);
      }
      recommender = build(new GenericBooleanPrefDataModel(data));
    }

    @Override
    public int[] recommend(int user, int n) throws Exception {
      List<RecommendedItem> items = recommender.recommend(user, n);
      int[] out = new int[items.size()];
      for (int k = 0; k < out.length; k++) {
        out[k] = (int) items.get(k).getItemID();
      }
      return out;
    }
  }
}
