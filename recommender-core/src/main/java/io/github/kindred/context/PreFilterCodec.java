package io.github.kindred.context;

import io.github.kindred.model.Model;
import io.github.kindred.persist.ModelCodec;
import io.github.kindred.persist.ModelInput;
import io.github.kindred.persist.ModelOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Persists contextual pre-filter models under the algorithm name {@code "prefilter"}: the configuration, the
 * fallback model, and per slice level its context features with their training values and its slice models keyed
 * by slice; every model is written as a nested model (it needs a codec of its own). Thread-safe.
 */
public final class PreFilterCodec implements ModelCodec<ContextualPreFilter.PreFilterModel> {
  /** Creates the codec (for the service loader). */
  public PreFilterCodec() {}

  @Override
  public String algorithm() {
    return "prefilter";
  }

  @Override
  public Class<ContextualPreFilter.PreFilterModel> modelType() {
    return ContextualPreFilter.PreFilterModel.class;
  }

  @Override
  public void write(ContextualPreFilter.PreFilterModel model, ModelOutput out) {
    PreFilterConfig c = model.config();
    out.writeInt(c.slices().size());
    for (List<String> slice : c.slices()) {
      ContextCodecs.writeStrings(slice, out);
    }
    out.writeInt(c.minEvents());
    out.writeBoolean(c.binary());
    out.writeModel(model.fallback());
    out.writeInt(model.levelCount());
    for (int d = 0; d < model.levelCount(); d++) {
      ContextCodecs.writeSchema(model.levelSchema(d), out);
      long[] keys = model.levelKeys(d);
      out.writeInt(keys.length);
      for (long key : keys) {
        out.writeLong(key);
        out.writeModel(model.levelModel(d, key));
      }
    }
  }

  @Override
  public ContextualPreFilter.PreFilterModel read(ModelInput in) throws IOException {
    int definitions = in.readInt();
    in.check(definitions >= 0 && definitions <= in.remaining() / 4,
        "slice definition count " + definitions + " does not fit the file");
    List<List<String>> slices = new ArrayList<>(definitions);
    for (int d = 0; d < definitions; d++) {
      slices.add(ContextCodecs.readStrings(in, "slice feature"));
    }
    int minEvents = in.readInt();
    PreFilterConfig c = new PreFilterConfig(slices, minEvents, in.readBoolean());
    Model fallback = in.readModel();
    in.check(fallback.items().equals(in.items()) && fallback.users().equals(in.users()),
        "the fallback model's indexes differ from the pre-filter's");
    int levels = in.readInt();
    in.check(levels == slices.size(), "there are " + levels + " slice levels for " + slices.size() + " definitions");
    ContextSchema[] schemas = new ContextSchema[levels];
    long[][] keys = new long[levels][];
    Model[][] models = new Model[levels][];
    for (int d = 0; d < levels; d++) {
      schemas[d] = ContextCodecs.readSchema(in);
      int n = in.readInt();
      // A slice takes at least its key, an algorithm name and two index markers: 20 bytes.
      in.check(n >= 0 && n <= in.remaining() / 20, "slice count " + n + " does not fit the file");
      keys[d] = new long[n];
      models[d] = new Model[n];
      for (int s = 0; s < n; s++) {
        keys[d][s] = in.readLong();
        in.check(keys[d][s] >= 0 && (s == 0 || keys[d][s] > keys[d][s - 1]),
            "slice keys must be >= 0 and ascending, got " + keys[d][s] + " at " + s);
        models[d][s] = in.readModel();
        in.check(models[d][s].itemCount() == fallback.itemCount(), "slice model scores "
            + models[d][s].itemCount() + " items, the fallback " + fallback.itemCount());
      }
    }
    return ContextualPreFilter.restore(fallback, schemas, keys, models, c);
  }
}
