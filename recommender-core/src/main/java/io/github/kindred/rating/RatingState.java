package io.github.kindred.rating;

import io.github.kindred.persist.ModelFormatException;
import io.github.kindred.persist.ModelInput;
import io.github.kindred.persist.ModelOutput;

/** The persisted state every rating model shares (mean, range, biases) and, for factor models, the vectors. */
record RatingState(float mean, float min, float max, float[] userBias, float[] itemBias, int factors,
    float[] userFactors, float[] itemFactors) {

  static void write(RatingModel m, ModelOutput out) {
    out.writeFloat(m.mean);
    out.writeFloat(m.min);
    out.writeFloat(m.max);
    out.writeFloats(m.userBias);
    out.writeFloats(m.itemBias);
    if (m instanceof FactorRatingModel f) {
      out.writeInt(f.factors);
      out.writeFloats(f.userFactors);
      out.writeFloats(f.itemFactors);
    }
  }

  /** Reads the state; {@code factors} is the expected vector length, 0 for a model without vectors. */
  static RatingState read(ModelInput in, int factors) throws ModelFormatException {
    float mean = in.readFloat();
    float min = in.readFloat();
    float max = in.readFloat();
    in.check(min <= max && Float.isFinite(min) && Float.isFinite(max), "invalid rating range " + min + ".." + max);
    int users = in.users().size();
    int items = in.items().size();
    float[] userBias = in.readFloats(users, "user biases");
    float[] itemBias = in.readFloats(items, "item biases");
    if (factors == 0) {
      return new RatingState(mean, min, max, userBias, itemBias, 0, null, null);
    }
    int stored = in.readInt();
    in.check(stored == factors, "vectors have " + stored + " factors but the configuration says " + factors);
    float[] userFactors = in.readFloats(Math.multiplyExact(users, factors), "user factors");
    float[] itemFactors = in.readFloats(Math.multiplyExact(items, factors), "item factors");
    return new RatingState(mean, min, max, userBias, itemBias, factors, userFactors, itemFactors);
  }
}
