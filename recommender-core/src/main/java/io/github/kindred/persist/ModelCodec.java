package io.github.kindred.persist;

import io.github.kindred.model.Model;
import java.io.IOException;

/**
 * Writes one model class's state and rebuilds the model from it: the contract every persistable model meets. The
 * envelope (magic bytes, format version, algorithm name, user and item id indexes, checksum) is handled by
 * {@link ModelFiles}; a codec writes only what is specific to its model (configuration and arrays).
 *
 * <p>A codec lives in its model's package (so that it can reach package-private constructors and arrays), has a
 * public no-argument constructor, and is listed in {@code META-INF/services/io.github.kindred.persist.ModelCodec}
 * so that {@link ModelFiles#standard()} finds it; or it is added explicitly with {@link ModelFiles#with}.
 * Implementations are stateless and thread-safe.
 *
 * @param <M> the model class, matched exactly when saving
 */
public interface ModelCodec<M extends Model> {
  /** {@return the algorithm name stored in the file, unique among codecs (for example {@code "itemknn"})} */
  String algorithm();

  /** {@return the exact model class this codec writes} */
  Class<M> modelType();

  /**
   * Writes the model's configuration and arrays (not its id indexes, which {@link ModelFiles} writes).
   *
   * @param model the model, of exactly {@link #modelType()}
   * @param out where to write, in an order {@link #read} reads back
   */
  void write(M model, ModelOutput out);

  /**
   * Rebuilds the model from what {@link #write} wrote, taking the id indexes from {@link ModelInput#users()} and
   * {@link ModelInput#items()}.
   *
   * @param in the state as {@link #write} wrote it, with the file's id indexes and format version
   * @return the rebuilt model, equal in its recommendations to the one written
   * @throws IOException if reading fails otherwise
   * @throws ModelFormatException if the state is inconsistent (lengths that do not match the indexes, indexes out
   *     of range, invalid configuration values)
   */
  M read(ModelInput in) throws IOException;
}
