package io.github.kindred.bench.compare;

import es.uam.eps.ir.ranksys.fast.FastRecommendation;
import es.uam.eps.ir.ranksys.fast.index.FastItemIndex;
import es.uam.eps.ir.ranksys.fast.index.FastUserIndex;
import es.uam.eps.ir.ranksys.fast.index.SimpleFastItemIndex;
import es.uam.eps.ir.ranksys.fast.index.SimpleFastUserIndex;
import es.uam.eps.ir.ranksys.fast.preference.FastPreferenceData;
import es.uam.eps.ir.ranksys.fast.preference.SimpleFastPreferenceData;
import es.uam.eps.ir.ranksys.mf.Factorization;
import es.uam.eps.ir.ranksys.mf.als.HKVFactorizer;
import es.uam.eps.ir.ranksys.mf.rec.MFRecommender;
import es.uam.eps.ir.ranksys.nn.item.ItemNeighborhoodRecommender;
import es.uam.eps.ir.ranksys.nn.item.neighborhood.CachedItemNeighborhood;
import es.uam.eps.ir.ranksys.nn.item.neighborhood.TopKItemNeighborhood;
import es.uam.eps.ir.ranksys.nn.item.sim.VectorCosineItemSimilarity;
import es.uam.eps.ir.ranksys.rec.fast.FastRecommender;
import es.uam.eps.ir.ranksys.rec.fast.basic.PopularityRecommender;
import io.github.kindred.data.InteractionMatrix;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.jooq.lambda.tuple.Tuple;
import org.jooq.lambda.tuple.Tuple3;
import org.ranksys.core.util.tuples.Tuple2id;

/**
 * RankSys 0.4.3. Users and items are {@code Integer}s equal to the split's dense indexes, loaded in ascending order
 * so that RankSys's own indexes coincide with them. The user's training items are excluded with RankSys's filter.
 */
final class RankSysContenders {
  private RankSysContenders() {}

  /**
   * The RankSys systems; {@code factors}, {@code iterations} and {@code alpha} configure HKV, whose confidence in an
   * observed pair is {@code 1 + alpha * value}.
   */
  static List<Contender> all(int factors, int iterations, double alpha) {
    return List.of(
        new Fast("RankSys 0.4.3 popularity") {
          @Override
          FastRecommender<Integer, Integer> build(FastPreferenceData<Integer, Integer> data) {
            return new PopularityRecommender<>(data);
          }
        },
        new Fast("RankSys 0.4.3 item-kNN, cosine, 200") {
          @Override
          FastRecommender<Integer, Integer> build(FastPreferenceData<Integer, Integer> data) {
            // alpha 0.5 makes VectorCosineItemSimilarity the plain cosine.
            VectorCosineItemSimilarity<Integer> sim = new VectorCosineItemSimilarity<>(data, 0.5, true);
            return new ItemNeighborhoodRecommender<>(data,
                new CachedItemNeighborhood<>(new TopKItemNeighborhood<>(sim, 200)), 1);
          }
        },
        new Fast("RankSys 0.4.3 HKV implicit, " + factors + " factors, " + iterations + " it., alpha " + alpha) {
          @Override
          FastRecommender<Integer, Integer> build(FastPreferenceData<Integer, Integer> data) {
            // lambda 0.1 is the value of RankSys's own HKV example (which uses alpha 1).
            Factorization<Integer, Integer> f =
                new HKVFactorizer<Integer, Integer>(0.1, x -> 1 + alpha * x, iterations).factorize(factors, data);
            return new MFRecommender<>(data, data, f);
          }
        });
  }

  /** A RankSys fast recommender over the training matrix. */
  abstract static class Fast implements Contender {
    private final String name;
    private FastRecommender<Integer, Integer> recommender;
    private Split split;

    Fast(String name) {
      this.name = name;
    }

    abstract FastRecommender<Integer, Integer> build(FastPreferenceData<Integer, Integer> data);

    @Override
    public String name() {
      return name;
    }

    @Override
    public void fit(Split split) {
      this.split = split;
      InteractionMatrix m = split.matrix();
      FastUserIndex<Integer> users = SimpleFastUserIndex.load(IntStream.range(0, m.rows()).boxed());
      FastItemIndex<Integer> items = SimpleFastItemIndex.load(IntStream.range(0, m.columns()).boxed());
      List<Tuple3<Integer, Integer, Double>> prefs = new ArrayList<>(m.nnz());
      for (int u = 0; u < m.rows(); u++) {
        for (int i : m.row(u)) {
          prefs.add(Tuple.tuple(u, i, 1.0));
        }
      }
      recommender = build(SimpleFastPreferenceData.load(prefs.stream(), users, items));
    }

    @Override
    public int[] recommend(int user, int n) {
      InteractionMatrix m = split.matrix();
      FastRecommendation rec = recommender.getRecommendation(user, n, i -> !m.contains(user, i));
      List<Tuple2id> items = rec.getIidxs();
      int[] out = new int[items.size()];
      for (int k = 0; k < out.length; k++) {
        out[k] = items.get(k).v1;
      }
      return out;
    }
  }
}
