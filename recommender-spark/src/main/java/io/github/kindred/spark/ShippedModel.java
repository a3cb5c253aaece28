package io.github.kindred.spark;

import io.github.kindred.model.Model;
import io.github.kindred.persist.ModelFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * A model shipped to the executors as its model file's bytes in a broadcast variable, loaded once per executor
 * JVM: any model with a codec can then score on the cluster, and what is scored there is exactly what the
 * embedded Recommender would load from the same file.
 */
final class ShippedModel implements Serializable {
  private static final long serialVersionUID = 1L;
  /** The last model loaded in this JVM, keyed by its broadcast id: one model per job is the common case. */
  private static final AtomicReference<Loaded> LAST = new AtomicReference<>();

  private final Broadcast<byte[]> bytes;

  private ShippedModel(Broadcast<byte[]> bytes) {
    this.bytes = bytes;
  }

  static ShippedModel of(JavaSparkContext jsc, Model model) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ModelFiles.standard().save(model, out);
    } catch (IOException e) {
      throw new UncheckedIOException("could not serialise the model for the executors", e);
    }
    return new ShippedModel(jsc.broadcast(out.toByteArray()));
  }

  /** The model, loaded from the broadcast bytes on first use in this JVM. */
  Model get() {
    Loaded l = LAST.get();
    if (l != null && l.id == bytes.id()) {
      return l.model;
    }
    synchronized (LAST) {
      l = LAST.get();
      if (l != null && l.id == bytes.id()) {
        return l.model;
      }
      try {
        Model m = ModelFiles.standard().load(new ByteArrayInputStream(bytes.value()));
        LAST.set(new Loaded(bytes.id(), m));
        return m;
      } catch (IOException e) {
        throw new UncheckedIOException("could not load the shipped model", e);
      }
    }
  }

  void destroy() {
    bytes.destroy();
  }

  private record Loaded(long id, Model model) {}
}
