package io.github.kindred.serve;

import io.github.kindred.data.Dataset;
import io.github.kindred.data.IdIndex;
import io.github.kindred.data.InteractionLog;
import io.github.kindred.model.DotProductScoring;
import io.github.kindred.model.FoldIn;
import io.github.kindred.model.ItemVectors;
import io.github.kindred.model.Model;
import io.github.kindred.model.Query;
import java.util.Arrays;

/** Hand-made data and models for the serving tests. */
final class Fixtures {
  private Fixtures() {}

  /**
   * A dataset over items {@code i0..i(items-1)} (indexed in that order) from "user item value [time]" lines, each
   * event of the default type.
   */
  static Dataset data(int items, String... lines) {
    InteractionLog.Builder b = InteractionLog.builder().knownItems(itemIndex(items));
    for (String line : lines) {
      String[] f = line.split(" ");
      long t = f.length > 3 ? Long.parseLong(f[3]) : InteractionLog.NO_TIME;
      b.add(f[0], f[1], Float.parseFloat(f[2]), t);
    }
    return Dataset.of(b.build());
  }

  static IdIndex itemIndex(int items) {
    String[] ids = new String[items];
    for (int i = 0; i < items; i++) {
      ids[i] = "i" + i;
    }
    return IdIndex.of(ids);
  }

  /**
   * Scores from a table: row {@code user} for known users, {@code anonymous} otherwise; optional item vectors for
   * diversity and explanations.
   */
  static final class TableModel implements Model, ItemVectors {
    private final IdIndex users;
    private final IdIndex items;
    private final float[][] userScores;
    private final float[] anonymous;
    private final float[][] vectors;

    TableModel(Dataset data, float[][] userScores, float[] anonymous, float[][] vectors) {
      this.users = data.users();
      this.items = data.items();
      this.userScores = userScores;
      this.anonymous = anonymous;
      this.vectors = vectors;
    }

    /** The same scores for everyone, vectors of one zero. */
    static TableModel constant(Dataset data, float... scores) {
      float[][] rows = new float[data.userCount()][];
      Arrays.fill(rows, scores);
      float[][] vectors = new float[data.itemCount()][1];
      return new TableModel(data, rows, scores, vectors);
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
      float[] row = query.user() >= 0 ? userScores[query.user()] : anonymous;
      System.arraycopy(row, 0, scores, 0, row.length);
    }

    @Override
    public int dimensions() {
      return vectors[0].length;
    }

    @Override
    public void itemVector(int item, float[] out) {
      System.arraycopy(vectors[item], 0, out, 0, vectors[item].length);
    }
  }

  /**
   * A factor model: trained user vectors, item vectors, and a fold-in that is the weighted sum of the history's item
   * vectors. Anonymous queries are scored through the fold-in, as a real factor model does.
   */
  static class VectorModel implements Model, FoldIn, ItemVectors {
    final IdIndex users;
    final IdIndex items;
    final float[] userFactors;
    final float[] itemFactors;
    final int d;

    VectorModel(Dataset data, float[][] users, float[][] items) {
      this.users = data.users();
      this.items = data.items();
      this.d = items[0].length;
      this.userFactors = flatten(users, d);
      this.itemFactors = flatten(items, d);
    }

    private static float[] flatten(float[][] rows, int d) {
      float[] out = new float[rows.length * d];
      for (int r = 0; r < rows.length; r++) {
        System.arraycopy(rows[r], 0, out, r * d, d);
      }
      return out;
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
    public int dimensions() {
      return d;
    }

    @Override
    public void itemVector(int item, float[] out) {
      System.arraycopy(itemFactors, item * d, out, 0, d);
    }

    @Override
    public void foldIn(int[] history, float[] weights, float[] out) {
      Arrays.fill(out, 0, d, 0f);
      for (int k = 0; k < history.length; k++) {
        for (int f = 0; f < d; f++) {
          out[f] += weights[k] * itemFactors[history[k] * d + f];
        }
      }
    }

    @Override
    public void score(Query query, float[] scores) {
      float[] u = new float[d];
      if (query.user() >= 0) {
        System.arraycopy(userFactors, query.user() * d, u, 0, d);
      } else {
        foldIn(query.items(), query.weights(), u);
      }
      for (int i = 0; i < items.size(); i++) {
        float s = 0f;
        for (int f = 0; f < d; f++) {
          s += u[f] * itemFactors[i * d + f];
        }
        scores[i] = s;
      }
    }
  }

  /** The same model, declaring that its scores are dot products (so the server may take the fused path). */
  static final class DotVectorModel extends VectorModel implements DotProductScoring {
    DotVectorModel(Dataset data, float[][] users, float[][] items) {
      super(data, users, items);
    }

    @Override
    public float[] itemFactors() {
      return itemFactors;
    }

    @Override
    public void userVector(int user, float[] out) {
      System.arraycopy(userFactors, user * d, out, 0, d);
    }
  }

  /** A view of {@code model} that is a plain {@link Model}, without its optional abilities. */
  static Model withoutVectors(Model model) {
    return new Model() {
      @Override
      public IdIndex items() {
        return model.items();
      }

      @Override
      public IdIndex users() {
        return model.users();
      }

      @Override
      public void score(Query query, float[] scores) {
        model.score(query, scores);
      }
    };
  }
}
