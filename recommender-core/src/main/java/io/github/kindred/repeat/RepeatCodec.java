package io.github.kindred.repeat;

import io.github.kindred.data.Sessions;
import io.github.kindred.persist.ModelCodec;
import io.github.kindred.persist.ModelFormatException;
import io.github.kindred.persist.ModelInput;
import io.github.kindred.persist.ModelOutput;
import io.github.kindred.persist.SessionArrays;

/**
 * Persists repeat-aware models under the algorithm name {@code "repeat"}: the configuration, every customer's
 * baskets and neighbour lists. The representations are rebuilt from the baskets on loading (the same arithmetic
 * in the same order, so the scores are identical). Thread-safe.
 */
public final class RepeatCodec implements ModelCodec<RepeatModel> {
  /** Creates the codec (for the service loader). */
  public RepeatCodec() {}

  @Override
  public String algorithm() {
    return "repeat";
  }

  @Override
  public Class<RepeatModel> modelType() {
    return RepeatModel.class;
  }

  @Override
  public void write(RepeatModel model, ModelOutput out) {
    RepeatConfig c = model.config();
    out.writeInt(c.groupSize());
    out.writeDouble(c.withinDecay());
    out.writeDouble(c.groupDecay());
    out.writeInt(c.neighbors());
    out.writeDouble(c.alpha());
    out.writeInt(c.measure().ordinal());
    out.writeLong(c.basketGapSeconds());
    out.writeInt(c.threads());
    SessionArrays.write(model.baskets(), out);
    out.writeInts(model.neighborStarts());
    out.writeInts(model.neighborIdArray());
  }

  @Override
  public RepeatModel read(ModelInput in) throws ModelFormatException {
    int groupSize = in.readInt();
    double withinDecay = in.readDouble();
    double groupDecay = in.readDouble();
    int neighbors = in.readInt();
    double alpha = in.readDouble();
    int measure = in.readInt();
    in.check(measure >= 0 && measure < NeighborMeasure.values().length, "unknown neighbour measure " + measure);
    long gap = in.readLong();
    int threads = in.readInt();
    RepeatConfig config;
    try {
      config = new RepeatConfig(groupSize, withinDecay, groupDecay, neighbors, alpha,
          NeighborMeasure.values()[measure], gap, threads);
    } catch (IllegalArgumentException e) {
      in.check(false, "configuration: " + e.getMessage());
      throw e;
    }
    int users = in.users().size();
    int items = in.items().size();
    Sessions baskets = SessionArrays.read(in, users, items);
    int[] start = in.readInts(users + 1, "neighbour offsets");
    int[] ids = in.readInts();
    in.checkPointers(start, ids.length, "neighbour offsets");
    in.checkIndexes(ids, users, "neighbours");
    for (int u = 0; u < users; u++) {
      in.check(start[u + 1] - start[u] <= neighbors, "user " + u + " has more than " + neighbors + " neighbours");
    }
    Representations reps = Representations.build(baskets, items, config);
    return new RepeatModel(config, in.users(), in.items(), baskets, reps,
        new NeighborIndex(reps, items, config.measure()), start, ids);
  }
}
