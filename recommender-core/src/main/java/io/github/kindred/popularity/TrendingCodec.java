package io.github.kindred.popularity;

import io.github.kindred.persist.ModelCodec;
import io.github.kindred.persist.ModelFormatException;
import io.github.kindred.persist.ModelInput;
import io.github.kindred.persist.ModelOutput;
import java.time.Duration;

/**
 * Persists trending models under the algorithm name {@code "trending"}: the configuration, the reference time used
 * and one decayed score per item. Thread-safe.
 */
public final class TrendingCodec implements ModelCodec<TrendingModel> {
  /** Creates the codec (for the service loader). */
  public TrendingCodec() {}

  @Override
  public String algorithm() {
    return "trending";
  }

  @Override
  public Class<TrendingModel> modelType() {
    return TrendingModel.class;
  }

  @Override
  public void write(TrendingModel model, ModelOutput out) {
    out.writeLong(model.config().halfLife().getSeconds());
    out.writeInt(model.config().halfLife().getNano());
    out.writeLong(model.config().referenceTime());
    out.writeLong(model.referenceTime());
    out.writeFloats(model.trendArray());
  }

  @Override
  public TrendingModel read(ModelInput in) throws ModelFormatException {
    long seconds = in.readLong();
    int nanos = in.readInt();
    in.check(nanos >= 0 && nanos < 1_000_000_000, "half-life nanoseconds out of range: " + nanos);
    TrendingConfig config = new TrendingConfig(Duration.ofSeconds(seconds, nanos), in.readLong());
    long referenceTime = in.readLong();
    float[] trend = in.readFloats(in.items().size(), "trend scores");
    return new TrendingModel(config, referenceTime, in.users(), in.items(), trend);
  }
}
