package io.github.kindred.session;

import io.github.kindred.persist.ModelCodec;
import io.github.kindred.persist.ModelFormatException;
import io.github.kindred.persist.ModelInput;
import io.github.kindred.persist.ModelOutput;

/**
 * Persists Markov models under the algorithm name {@code "markov"}: the configuration and the transition
 * probabilities as compressed rows. Thread-safe.
 */
public final class MarkovCodec implements ModelCodec<MarkovModel> {
  /** Creates the codec (for the service loader). */
  public MarkovCodec() {}

  @Override
  public String algorithm() {
    return "markov";
  }

  @Override
  public Class<MarkovModel> modelType() {
    return MarkovModel.class;
  }

  @Override
  public void write(MarkovModel model, ModelOutput out) {
    out.writeInt(model.config().lookback());
    out.writeDouble(model.config().decay());
    out.writeLong(model.config().sessionGapSeconds());
    out.writeInts(model.rowStarts());
    out.writeInts(model.nextArray());
    out.writeFloats(model.probabilityArray());
  }

  @Override
  public MarkovModel read(ModelInput in) throws ModelFormatException {
    int lookback = in.readInt();
    double decay = in.readDouble();
    long gap = in.readLong();
    MarkovConfig config;
    try {
      config = new MarkovConfig(lookback, decay, gap);
    } catch (IllegalArgumentException e) {
      throw SessionCodecs.invalid(in, e);
    }
    int items = in.items().size();
    int[] rowStart = in.readInts(items + 1, "transition row offsets");
    int[] next = in.readInts();
    in.checkPointers(rowStart, next.length, "transition row offsets");
    in.checkIndexes(next, items, "transition targets");
    for (int i = 0; i < items; i++) {
      for (int p = rowStart[i] + 1; p < rowStart[i + 1]; p++) {
        in.check(next[p] > next[p - 1], "transition targets of item " + i + " are not increasing");
      }
    }
    float[] probability = in.readFloats(next.length, "transition probabilities");
    for (float v : probability) {
      in.check(v > 0 && v <= 1, "transition probability " + v + " is not in (0, 1]");
    }
    return new MarkovModel(config, in.users(), in.items(), rowStart, next, probability);
  }
}
