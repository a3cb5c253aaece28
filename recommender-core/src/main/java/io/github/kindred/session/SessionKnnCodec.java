package io.github.kindred.session;

import io.github.kindred.data.Sessions;
import io.github.kindred.persist.ModelCodec;
import io.github.kindred.persist.ModelFormatException;
import io.github.kindred.persist.ModelInput;
import io.github.kindred.persist.ModelOutput;
import io.github.kindred.persist.SessionArrays;

/**
 * Persists V-SKNN models under the algorithm name {@code "sknn"}: the configuration and the training sessions
 * (the index is rebuilt on loading). Thread-safe.
 */
public final class SessionKnnCodec implements ModelCodec<SessionKnnModel> {
  /** Creates the codec (for the service loader). */
  public SessionKnnCodec() {}

  @Override
  public String algorithm() {
    return "sknn";
  }

  @Override
  public Class<SessionKnnModel> modelType() {
    return SessionKnnModel.class;
  }

  @Override
  public void write(SessionKnnModel model, ModelOutput out) {
    out.writeInt(model.config().neighbors());
    out.writeInt(model.config().sampleSize());
    out.writeLong(model.config().sessionGapSeconds());
    SessionArrays.write(model.sessions(), out);
  }

  @Override
  public SessionKnnModel read(ModelInput in) throws ModelFormatException {
    int neighbors = in.readInt();
    int sample = in.readInt();
    long gap = in.readLong();
    SessionKnnConfig config;
    try {
      config = new SessionKnnConfig(neighbors, sample, gap);
    } catch (IllegalArgumentException e) {
      throw SessionCodecs.invalid(in, e);
    }
    // The request scratch holds sampleSize entries: a damaged size must not allocate beyond what a file can mean.
    in.check(sample <= 1 << 24, "sampleSize " + sample + " is implausibly large");
    Sessions sessions = SessionArrays.read(in, in.users().size(), in.items().size());
    return new SessionKnnModel(config, in.users(), in.items(), sessions);
  }
}
