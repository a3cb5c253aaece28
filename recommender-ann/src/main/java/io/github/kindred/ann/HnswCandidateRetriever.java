package io.github.kindred.ann;

import io.github.kindred.math.TopN;
import io.github.kindred.model.DotProductScoring;
import io.github.kindred.model.FoldIn;
import io.github.kindred.model.Model;
import io.github.kindred.model.Query;
import io.github.kindred.serve.pipeline.CandidateRetriever;
import io.github.kindred.persist.ModelFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The candidate stage of the serving pipeline for dot-product models: proposes the items of the largest inner
 * product with the request's user vector from an {@link HnswItemIndex}; the pipeline then scores them exactly with
 * the model and applies the business rules and re-ranking as it would after the full scan. Plug it in with
 * {@code Recommender.builder(model, data).candidateRetriever(HnswCandidateRetriever.factory(config), overFetch)}.
 *
 * <p>The user vector is the model's own for a known user, or the fold-in of the request's history when the model
 * implements {@link FoldIn}; a request with neither (an anonymous request without history, a user newer than the
 * model without history) gets no candidates, which makes the pipeline answer it by the exact full scan.
 *
 * <p>Immutable and thread-safe; a call allocates a user vector and a result queue of {@code wanted} entries, and
 * the graph search reuses its thread's scratch (see {@link HnswItemIndex}).
 */
public final class HnswCandidateRetriever implements CandidateRetriever {
  private static final Logger LOG = LoggerFactory.getLogger(HnswCandidateRetriever.class);
  private final DotProductScoring model;
  private final FoldIn foldIn;
  private final HnswItemIndex index;

  private HnswCandidateRetriever(DotProductScoring model, HnswItemIndex index) {
    this.model = model;
    this.foldIn = model instanceof FoldIn ? (FoldIn) model : null;
    this.index = index;
  }

  /**
   * The factory for {@code Recommender.Builder#candidateRetriever}: for every model generation that implements
   * {@link DotProductScoring} and has at least {@link AnnConfig#exactBelow()} items, builds an index over its item
   * factors; for any other model returns null (the pipeline's exact full scan).
   *
   * @param config the index configuration
   * @return the factory
   * @throws NullPointerException if {@code config} is null
   */
  public static CandidateRetriever.Factory factory(AnnConfig config) {
    Objects.requireNonNull(config, "config");
    return model -> build(model, config);
  }

  /**
   * As {@link #factory(AnnConfig)}, keeping the graph in {@code indexFile} so that a restart or a reload of the same
   * model loads it instead of building it again (77 s of CPU at 100,000 x 64 items): when the file holds the index of
   * this model's item factors it is loaded; otherwise (no file, another model generation, a corrupt or older file)
   * the index is built and written there, through a temporary file moved into place, so that a crash never leaves a
   * half-written index; missing parent directories are created. A replaced file is reported at WARN through SLF4J.
   *
   * @param config the configuration of a newly built index (a loaded one keeps its own)
   * @param indexFile where the index is kept, typically beside the model file
   * @return the factory; its {@code build} throws {@link UncheckedIOException} if the file cannot be read or
   *     written
   * @throws NullPointerException if an argument is null
   */
  public static CandidateRetriever.Factory factory(AnnConfig config, Path indexFile) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(indexFile, "indexFile");
    return model -> buildOrLoad(model, config, indexFile);
  }

  private static CandidateRetriever buildOrLoad(Model model, AnnConfig config, Path indexFile) {
    if (!(model instanceof DotProductScoring)) {
      return null;
    }
    DotProductScoring scoring = (DotProductScoring) model;
    try {
      if (Files.exists(indexFile)) {
        try {
          HnswItemIndex loaded = HnswItemIndex.load(indexFile, scoring);
          return loaded.approximate() ? new HnswCandidateRetriever(scoring, loaded) : null;
        } catch (ModelFormatException stale) {
          LOG.warn("rebuilding the HNSW index {}: {}", indexFile, stale.getMessage());
        }
      }
      Path directory = indexFile.toAbsolutePath().getParent();
      if (directory != null) {
        // Before the build: a directory that cannot be made should fail in a second, not after minutes of work.
        Files.createDirectories(directory);
      }
      HnswItemIndex index = HnswItemIndex.build(scoring, config);
      if (!index.approximate()) {
        return null;
      }
      Path partial = indexFile.resolveSibling(indexFile.getFileName() + ".partial");
      index.save(partial);
      Files.move(partial, indexFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return new HnswCandidateRetriever(scoring, index);
    } catch (IOException e) {
      throw new UncheckedIOException("HNSW index file " + indexFile + ": " + e.getMessage(), e);
    }
  }

  private static CandidateRetriever build(Model model, AnnConfig config) {
    if (!(model instanceof DotProductScoring)) {
      return null;
    }
    DotProductScoring scoring = (DotProductScoring) model;
    HnswItemIndex index = HnswItemIndex.build(scoring, config);
    if (!index.approximate()) {
      return null;
    }
    return new HnswCandidateRetriever(scoring, index);
  }

  /**
   * The index this retriever searches.
   *
   * @return the index
   */
  public HnswItemIndex index() {
    return index;
  }

  @Override
  public int retrieve(Query query, int wanted, int[] out) {
    float[] vector = new float[index.dimensions()];
    if (!knownUserVector(query.user(), vector)) {
      if (foldIn == null || query.historySize() == 0) {
        return 0;
      }
      foldIn.foldIn(query.items(), query.weights(), vector);
    }
    TopN top = new TopN(wanted);
    index.search(vector, wanted, new int[0], null, top);
    return top.drainTo(out, null);
  }

  /**
   * Copies the model's vector of {@code user}; false for an anonymous user or one newer than the model (the
   * interface exposes no user count, and such users are rare: they are folded in once they have a history).
   */
  private boolean knownUserVector(int user, float[] vector) {
    if (user < 0) {
      return false;
    }
    try {
      model.userVector(user, vector);
      return true;
    } catch (IndexOutOfBoundsException newerThanTheModel) {
      return false;
    }
  }

  @Override
  public String toString() {
    return "HnswCandidateRetriever[" + index.items() + " items, " + index.config() + "]";
  }
}
