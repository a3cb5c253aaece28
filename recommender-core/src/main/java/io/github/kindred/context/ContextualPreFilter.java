package io.github.kindred.context;

import io.github.kindred.data.Context;
import io.github.kindred.data.Dataset;
import io.github.kindred.data.IdIndex;
import io.github.kindred.data.InteractionLog;
import io.github.kindred.model.Model;
import io.github.kindred.model.Query;
import io.github.kindred.model.Trainer;
import it.unimi.dsi.fastutil.longs.Long2IntMap;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Contextual pre-filtering with backoff (Adomavicius and Tuzhilin 2005; Baltrunas and Ricci 2009): the training
 * events are cut into context slices, any context-free trainer fits one model per slice that is large enough, and a
 * request is answered by the model of the finest slice that matches its context.
 *
 * <p><b>Fitting.</b> For each slice definition (a set of context features) every combination of values that at
 * least {@link PreFilterConfig#minEvents()} training events share gets a model fitted on just those events; the
 * base trainer also fits a fallback model on all events. Events lacking one of a definition's features belong to
 * none of its slices.
 *
 * <p><b>Backoff at query time.</b> Definitions are tried from the finest (most features) to the coarsest, ties in
 * the order of the configuration; the first whose features all appear in the request's context, with a combination
 * of values that has a model, answers. If none does (no context, a value unseen in training, or slices too small),
 * the fallback model answers.
 *
 * <p><b>Users and items unseen in a slice.</b> Slice datasets keep the user and item indexes of the whole training
 * log (they are built with {@link InteractionLog#select(int[])}), so every slice model scores the global item index
 * space and the scores of any slice can be compared and returned as they are. An item without events in the slice
 * gets what the base model gives an item without interactions (for popularity and item-kNN: 0), so the slice
 * ranks it last; this is the intended effect of pre-filtering. The query is passed to the slice model unchanged,
 * with the user's whole history: models that work from the history (item-kNN, EASE, content) apply the slice's item
 * relations to everything the user did; models with a parameter per user (factor models) see a user without events
 * in the slice as a user with an empty row, so for them prefer coarse slices or a large {@code minEvents}.
 *
 * <p>Fitting costs one base fit per kept slice plus the fallback. Scoring costs a few hash look-ups plus the slice
 * model's scoring, and allocates nothing. Thread-safe if the base models are.
 */
public final class ContextualPreFilter implements Trainer<ContextualPreFilter.PreFilterModel> {
  private final Trainer<?> base;
  private final PreFilterConfig config;

  /**
   * Creates a trainer.
   *
   * @param base the context-free trainer fitted per slice, not null
   * @param config the slices and their least size, not null
   */
  public ContextualPreFilter(Trainer<?> base, PreFilterConfig config) {
    this.base = Objects.requireNonNull(base, "base");
    this.config = Objects.requireNonNull(config, "config");
  }

  /** {@return the configuration} */
  public PreFilterConfig config() {
    return config;
  }

  /**
   * Fits the fallback model on {@code data} and one model per large enough slice.
   *
   * @throws IllegalArgumentException if a slice feature does not occur in the log
   */
  @Override
  public PreFilterModel fit(Dataset data) {
    InteractionLog log = data.log();
    Model fallback = base.fit(data);
    List<List<String>> definitions = new ArrayList<>(config.slices());
    // Finest first; List.sort is stable, so ties keep the configuration's order.
    definitions.sort(Comparator.comparingInt(d -> -d.size()));
    SliceLevel[] levels = new SliceLevel[definitions.size()];
    for (int d = 0; d < levels.length; d++) {
      ContextSchema schema = ContextSchema.of(log, definitions.get(d));
      long[] radix = radix(schema);
      long[] keys = new long[log.size()];
      Long2IntOpenHashMap counts = new Long2IntOpenHashMap();
      for (int e = 0; e < keys.length; e++) {
        keys[e] = eventKey(schema, radix, log, e);
        if (keys[e] >= 0) {
          counts.addTo(keys[e], 1);
        }
      }
      LongArrayList large = new LongArrayList();
      for (Long2IntMap.Entry en : counts.long2IntEntrySet()) {
        if (en.getIntValue() >= config.minEvents()) {
          large.add(en.getLongKey());
        }
      }
      long[] kept = large.toLongArray();
      Arrays.sort(kept); // hash order is not part of the contract; fit slices in key order
      Long2ObjectOpenHashMap<Model> models = new Long2ObjectOpenHashMap<>();
      for (long key : kept) {
        int[] rows = new int[counts.get(key)];
        int n = 0;
        for (int e = 0; e < keys.length; e++) {
          if (keys[e] == key) {
            rows[n++] = e;
          }
        }
        Dataset slice = Dataset.builder(log.select(rows)).binary(config.binary())
            .itemFeatures(data.itemFeatures()).userFeatures(data.userFeatures()).build();
        Model m = base.fit(slice);
        if (m.itemCount() != fallback.itemCount()) {
          throw new IllegalStateException("slice model scores " + m.itemCount() + " items, the fallback "
              + fallback.itemCount() + ": the base trainer must keep the dataset's item indexes");
        }
        models.put(key, m);
      }
      levels[d] = new SliceLevel(schema, radix, models);
    }
    return new PreFilterModel(fallback, levels, config);
  }

  private static long[] radix(ContextSchema schema) {
    long[] radix = new long[schema.size()];
    long r = 1;
    for (int f = 0; f < schema.size(); f++) {
      radix[f] = r;
      r = Math.multiplyExact(r, Math.max(1, schema.valueCount(f)));
    }
    return radix;
  }

  private static long eventKey(ContextSchema schema, long[] radix, InteractionLog log, int e) {
    long key = 0;
    for (int f = 0; f < radix.length; f++) {
      int code = schema.eventCode(log, f, e);
      if (code < 0) {
        return -1;
      }
      key += code * radix[f];
    }
    return key;
  }

  /** The slices of one definition. */
  /**
   * Rebuilds a fitted model from its parts, for the codec: level {@code d} has the context features of
   * {@code schemas[d]} and a model per slice key {@code keys[d][s]}, {@code models[d][s]}.
   */
  static PreFilterModel restore(Model fallback, ContextSchema[] schemas, long[][] keys, Model[][] models,
      PreFilterConfig config) {
    SliceLevel[] levels = new SliceLevel[schemas.length];
    for (int d = 0; d < levels.length; d++) {
      Long2ObjectOpenHashMap<Model> byKey = new Long2ObjectOpenHashMap<>();
      for (int s = 0; s < keys[d].length; s++) {
        byKey.put(keys[d][s], models[d][s]);
      }
      levels[d] = new SliceLevel(schemas[d], radix(schemas[d]), byKey);
    }
    return new PreFilterModel(fallback, levels, config);
  }

  private record SliceLevel(ContextSchema schema, long[] radix, Long2ObjectOpenHashMap<Model> models) {
    /** The model of the request's slice at this level, or null. */
    Model lookup(Context context) {
      long key = 0;
      for (int f = 0; f < radix.length; f++) {
        int code = schema.code(f, context);
        if (code < 0) {
          return null;
        }
        key += code * radix[f];
      }
      return models.get(key);
    }
  }

  /** Slice models with backoff to coarser slices and a fallback. Immutable; thread-safe if its models are. */
  public static final class PreFilterModel implements Model {
    private final Model fallback;
    private final SliceLevel[] levels;
    private final PreFilterConfig config;

    PreFilterModel(Model fallback, SliceLevel[] levels, PreFilterConfig config) {
      this.fallback = fallback;
      this.levels = levels;
      this.config = config;
    }

    /** Number of slice levels (slice definitions), finest first: for the codec. */
    int levelCount() {
      return levels.length;
    }

    /** The context features of level {@code level}, for the codec. */
    ContextSchema levelSchema(int level) {
      return levels[level].schema();
    }

    /** The slice keys of level {@code level}, ascending, for the codec. */
    long[] levelKeys(int level) {
      long[] keys = levels[level].models().keySet().toLongArray();
      Arrays.sort(keys);
      return keys;
    }

    /** The model of slice {@code key} of level {@code level}, for the codec. */
    Model levelModel(int level, long key) {
      return levels[level].models().get(key);
    }

    /** {@return the configuration} */
    public PreFilterConfig config() {
      return config;
    }

    /** {@return the model fitted on all training events} */
    public Model fallback() {
      return fallback;
    }

    /** {@return number of slice models, over all definitions} */
    public int sliceCount() {
      int n = 0;
      for (SliceLevel l : levels) {
        n += l.models().size();
      }
      return n;
    }

    /**
     * {@return the model that answers a request with {@code context}: the finest matching slice, else the fallback}
     *
     * @param context the request context; features no slice uses are ignored
     */
    public Model modelFor(Context context) {
      Objects.requireNonNull(context, "context");
      for (SliceLevel l : levels) {
        Model m = l.lookup(context);
        if (m != null) {
          return m;
        }
      }
      return fallback;
    }

    /**
     * The slice that answers a request with {@code context}, as the context features and values that define it;
     * {@link Context#EMPTY} when the fallback answers.
     *
     * @param context the request context
     * @return the slice's defining features and values
     */
    public Context sliceFor(Context context) {
      Objects.requireNonNull(context, "context");
      for (SliceLevel l : levels) {
        if (l.lookup(context) != null) {
          String[] names = new String[l.schema().size()];
          for (int f = 0; f < names.length; f++) {
            names[f] = l.schema().name(f);
          }
          return context.only(names);
        }
      }
      return Context.EMPTY;
    }

    @Override
    public IdIndex items() {
      return fallback.items();
    }

    @Override
    public IdIndex users() {
      return fallback.users();
    }

    @Override
    public void score(Query query, float[] scores) {
      modelFor(query.context()).score(query, scores);
    }

    @Override
    public String toString() {
      return "PreFilterModel[slices=" + sliceCount() + ", definitions="
          + Arrays.toString(config.slices().toArray()) + "]";
    }
  }
}
