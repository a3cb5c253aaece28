package io.github.kindred.persist;

import io.github.kindred.model.Model;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.CRC32C;

/**
 * Saves models to and loads them from the Kindred binary model format.
 *
 * <p>The format, all numbers little-endian:
 * <pre>
 *   offset 0   8 bytes  magic 0x89 'K' 'N' 'D' 'M' '\r' '\n' 0x1A (the high byte and line ends catch text-mode
 *                       transfers, as in PNG)
 *   offset 8   int      format version ({@value #FORMAT_VERSION})
 *   offset 12  long     total length of the file in bytes, checksum included
 *   offset 20  body     algorithm name (string), user ids, item ids, then the codec's state
 *   last 4     int      CRC-32C of every byte before it
 * </pre>
 * Strings are an int byte length and UTF-8 bytes; id indexes are a count and that many strings; arrays are a length
 * and their elements; booleans are the int 0 or 1. A composite model writes each part as a nested model inside its
 * own state: the part's algorithm name, its user ids and item ids (each replaced by the count -1 when equal to those
 * of the enclosing model), then its state; nesting is limited to a depth of 8. The envelope (magic, version, length, trailing checksum) is the same in every format version,
 * so that a newer file is recognised as such and not as a corrupted one.
 *
 * <p>Loading checks, in order: the magic bytes (a foreign file), the declared length against the bytes present
 * (truncation), the checksum (any flipped byte), the version (a newer format), then every length inside against
 * the bytes that remain before allocating, so that damage always ends in a {@link ModelFormatException} naming the
 * problem, never in an {@link OutOfMemoryError}. Files are limited to 2 GiB.
 *
 * <p>Which model classes can be saved is decided by the {@link ModelCodec}s of the instance: {@link #standard()}
 * discovers the codecs listed as services, {@link #with} adds one. Instances are immutable and thread-safe.
 */
public final class ModelFiles {
  /** The format version this library writes, and the newest it reads. */
  public static final int FORMAT_VERSION = 1;

  static final int HEADER = 20;
  static final int CHECKSUM = 4;
  static final int MAX_BODY = Integer.MAX_VALUE - 64;
  private static final byte[] MAGIC = {(byte) 0x89, 'K', 'N', 'D', 'M', '\r', '\n', 0x1A};

  private final Map<String, ModelCodec<?>> byName;
  private final Map<Class<?>, ModelCodec<?>> byType;

  private ModelFiles(Map<String, ModelCodec<?>> byName, Map<Class<?>, ModelCodec<?>> byType) {
    this.byName = byName;
    this.byType = byType;
  }

  /**
   * The codecs registered as services of {@link ModelCodec} (every model of this library among them).
   *
   * @return the shared instance, loaded once through {@link java.util.ServiceLoader}
   * @throws IllegalStateException if two codecs claim the same algorithm name or model class
   */
  public static ModelFiles standard() {
    return Standard.INSTANCE;
  }

  /**
   * Returns an instance with exactly the given codecs, for example to load files of a model type outside this
   * library without the service registry.
   *
   * @param codecs the codecs, none null
   * @return the instance
   * @throws IllegalArgumentException if two codecs share an algorithm name or model class
   */
  public static ModelFiles of(ModelCodec<?>... codecs) {
    ModelFiles files = new ModelFiles(Map.of(), Map.of());
    for (ModelCodec<?> c : codecs) {
      files = files.with(c);
    }
    return files;
  }

  /**
   * Returns an instance that also knows {@code codec}.
   *
   * @param codec the codec to add
   * @return a new instance; this one is unchanged
   * @throws NullPointerException if {@code codec}, its algorithm name or its model type is null
   * @throws IllegalArgumentException if a codec for the same algorithm name or model class is already known
   */
  public ModelFiles with(ModelCodec<?> codec) {
    Objects.requireNonNull(codec, "codec");
    String name = Objects.requireNonNull(codec.algorithm(), "codec.algorithm()");
    Class<?> type = Objects.requireNonNull(codec.modelType(), "codec.modelType()");
    if (byName.containsKey(name)) {
      throw new IllegalArgumentException("a codec for algorithm '" + name + "' is already registered: "
          + byName.get(name).getClass().getName());
    }
    if (byType.containsKey(type)) {
      throw new IllegalArgumentException("a codec for " + type.getName() + " is already registered");
    }
    Map<String, ModelCodec<?>> names = new HashMap<>(byName);
    names.put(name, codec);
    Map<Class<?>, ModelCodec<?>> types = new HashMap<>(byType);
    types.put(type, codec);
    return new ModelFiles(Map.copyOf(names), Map.copyOf(types));
  }

  /**
   * {@return whether a model of this class can be saved, that is whether a codec is known for its exact class}
   *
   * @param model the model, not null
   */
  public boolean canSave(Model model) {
    return byType.containsKey(model.getClass());
  }

  /**
   * Writes {@code model} to {@code out}, which is flushed but not closed. The whole file is first built in memory
   * (it carries its length and CRC32C checksum), so a save needs about the file's size in heap.
   *
   * @param model the model, not null
   * @param out the stream
   * @throws IllegalArgumentException if no codec is registered for the model's class
   * @throws IOException if writing fails
   */
  public void save(Model model, OutputStream out) throws IOException {
    Objects.requireNonNull(out, "out");
    ModelOutput body = encode(model);
    ByteBuffer header = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
    header.put(MAGIC).putInt(FORMAT_VERSION).putLong((long) HEADER + body.size() + CHECKSUM);
    CRC32C crc = new CRC32C();
    crc.update(header.array(), 0, HEADER);
    crc.update(body.array(), 0, body.size());
    ByteBuffer trailer = ByteBuffer.allocate(CHECKSUM).order(ByteOrder.LITTLE_ENDIAN);
    trailer.putInt((int) crc.getValue());
    out.write(header.array());
    out.write(body.array(), 0, body.size());
    out.write(trailer.array());
    out.flush();
  }

  /**
   * Writes {@code model} to {@code file} through a temporary file in the same directory that is then moved into
   * place, so that a reader never sees a half-written model.
   *
   * @param model the model, not null
   * @param file the destination, replaced if it exists; its directory must exist
   * @throws IllegalArgumentException if no codec is registered for the model's class
   * @throws IOException if writing fails
   */
  public void save(Model model, Path file) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    // Not Files.createTempFile: its owner-only permissions would carry over to the model file.
    Path tmp = dir.resolve(file.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong())
        + ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        save(model, out);
      }
      try {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private ModelOutput encode(Model model) {
    Objects.requireNonNull(model, "model");
    ModelCodec<Model> codec = codecFor(model);
    ModelOutput out = new ModelOutput(this);
    out.writeString(codec.algorithm());
    out.writeIndex(model.users());
    out.writeIndex(model.items());
    out.writeState(codec, model);
    return out;
  }

  /** The codec of {@code model}'s class; for top-level and nested models alike. */
  @SuppressWarnings("unchecked")
  ModelCodec<Model> codecFor(Model model) {
    ModelCodec<Model> codec = (ModelCodec<Model>) byType.get(model.getClass());
    if (codec == null) {
      throw new IllegalArgumentException("no codec is registered for " + model.getClass().getName());
    }
    return codec;
  }

  /** The codec of {@code algorithm}, or null. */
  ModelCodec<?> codecNamed(String algorithm) {
    return byName.get(algorithm);
  }

  /** The names of the known algorithms, for error messages. */
  Set<String> knownAlgorithms() {
    return byName.keySet();
  }

  /**
   * Reads a model from {@code file}, memory-mapping it so that arrays are copied once from the page cache.
   *
   * @param file the model file, as {@link #save(Model, Path)} wrote it
   * @return the model, of the class its codec rebuilds
   * @throws ModelFormatException if the file is not a Kindred model, is truncated or corrupted, was written by a
   *     newer format version, or holds an algorithm no codec is registered for
   * @throws IOException if reading fails
   */
  public Model load(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      byte[] header = new byte[(int) Math.min(size, HEADER)];
      ch.read(ByteBuffer.wrap(header), 0);
      long declared = checkHeader(header, header.length, file.toString());
      if (size != declared) {
        throw new ModelFormatException(file + ": " + (size < declared ? "truncated" : "corrupted") + ": the file has "
            + size + " bytes but its header declares " + declared + " (or the length field is damaged)");
      }
      // Mapping the file lets the checksum and the bulk array copies read the page cache directly: for a model of
      // 1M items x 64 factors it saves copying 256 MB through a heap buffer first. The mapping is released with the
      // buffer once loading returns; save() replaces files by moving a new one into place, never by rewriting.
      ByteBuffer body = ch.map(FileChannel.MapMode.READ_ONLY, HEADER, size - HEADER);
      return decode(header, body, file.toString());
    }
  }

  /**
   * Reads a model from {@code file} and checks its class.
   *
   * @param <M> the expected model type
   * @param file the model file
   * @param type the expected class, for example {@code ItemKnnModel.class}; a supertype such as
   *     {@code Model.class} accepts any model
   * @return the model
   * @throws ModelFormatException as {@link #load(Path)}, or if the model is not a {@code type}
   * @throws IOException if reading fails
   */
  public <M extends Model> M load(Path file, Class<M> type) throws IOException {
    Model m = load(file);
    if (!type.isInstance(m)) {
      throw new ModelFormatException(
          file + " holds a " + m.getClass().getName() + ", not a " + type.getName());
    }
    return type.cast(m);
  }

  /**
   * Reads one model from {@code in}, consuming exactly its bytes; the stream is not closed, so several models may
   * follow one another in a stream.
   *
   * @param in the stream, positioned at a model's first byte
   * @return the model
   * @throws ModelFormatException if the stream does not hold a Kindred model, ends early, is corrupted, was written
   *     by a newer format version, or holds an algorithm no codec is registered for
   * @throws IOException if reading fails
   */
  public Model load(InputStream in) throws IOException {
    byte[] header = in.readNBytes(HEADER);
    long declared = checkHeader(header, header.length, "stream");
    byte[] body = readBody(in, (int) (declared - HEADER));
    return decode(header, ByteBuffer.wrap(body), "stream");
  }

  /** Checks magic and the declared length; returns the declared total length. */
  private static long checkHeader(byte[] header, int read, String source) throws ModelFormatException {
    int m = Math.min(read, MAGIC.length);
    if (!Arrays.equals(header, 0, m, MAGIC, 0, m)) {
      throw new ModelFormatException(source + " is not a Kindred model file (wrong magic bytes)");
    }
    if (read < HEADER) {
      throw new ModelFormatException(source + ": truncated: only " + read + " bytes, the header alone has " + HEADER);
    }
    long declared = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN).getLong(12);
    if (declared < HEADER + CHECKSUM || declared > (long) HEADER + MAX_BODY) {
      throw new ModelFormatException(source + ": corrupted: the header declares an impossible length of "
          + declared + " bytes");
    }
    return declared;
  }

  /**
   * Reads {@code n} bytes, growing the buffer as bytes arrive so that a damaged length on a short stream never
   * allocates more than twice what the stream holds.
   */
  private static byte[] readBody(InputStream in, int n) throws IOException {
    byte[] buf = new byte[Math.min(n, 1 << 20)];
    int have = 0;
    while (have < n) {
      if (have == buf.length) {
        buf = Arrays.copyOf(buf, (int) Math.min(n, 2L * buf.length));
      }
      int r = in.read(buf, have, buf.length - have);
      if (r < 0) {
        throw new ModelFormatException("stream: truncated: it ended after " + (HEADER + have)
            + " bytes but the header declares " + (HEADER + (long) n) + " (or the length field is damaged)");
      }
      have += r;
    }
    return buf;
  }

  /** Verifies and parses a model whose body (everything after the header, checksum included) is {@code body}. */
  private Model decode(byte[] header, ByteBuffer body, String source) throws ModelFormatException {
    body.order(ByteOrder.LITTLE_ENDIAN);
    int payload = body.capacity() - CHECKSUM;
    CRC32C crc = new CRC32C();
    crc.update(header, 0, HEADER);
    crc.update(body.duplicate().position(0).limit(payload));
    int stored = body.getInt(payload);
    if ((int) crc.getValue() != stored) {
      throw new ModelFormatException(source + ": corrupted: checksum mismatch (stored " + Integer.toHexString(stored)
          + ", computed " + Integer.toHexString((int) crc.getValue()) + ")");
    }
    int version = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN).getInt(8);
    if (version > FORMAT_VERSION) {
      throw new ModelFormatException(source + " was written in model format version " + version
          + ", newer than this library reads (up to " + FORMAT_VERSION + "); upgrade Kindred to load it");
    }
    if (version < 1) {
      throw new ModelFormatException(source + ": unknown model format version " + version);
    }
    ByteBuffer buf = body.duplicate().position(0).limit(payload).slice().order(ByteOrder.LITTLE_ENDIAN);
    ModelInput in = new ModelInput(buf, version, "Kindred", this, 0);
    String algorithm = in.readString();
    ModelCodec<?> codec = byName.get(algorithm);
    if (codec == null) {
      throw new ModelFormatException(source + " holds a model of algorithm '" + algorithm
          + "', for which no codec is registered (known: " + byName.keySet() + ")");
    }
    ModelInput state = new ModelInput(buf, version, algorithm, this, 0);
    try {
      state.setIndexes(state.readIndex("user"), state.readIndex("item"));
      Model model = codec.read(state);
      if (state.remaining() != 0) {
        throw new ModelFormatException(algorithm + " model has " + state.remaining() + " unread bytes after its state");
      }
      return model;
    } catch (ModelFormatException e) {
      throw new ModelFormatException(source + ": " + e.getMessage(), e);
    } catch (IOException | RuntimeException e) {
      throw new ModelFormatException(source + ": invalid " + algorithm + " model state: " + e.getMessage(), e);
    }
  }

  /** Lazily discovers the service codecs once. */
  private static final class Standard {
    static final ModelFiles INSTANCE = discover();

    @SuppressWarnings("rawtypes")
    private static ModelFiles discover() {
      ModelFiles files = of();
      for (ModelCodec codec : ServiceLoader.load(ModelCodec.class, ModelFiles.class.getClassLoader())) {
        try {
          files = files.with(codec);
        } catch (IllegalArgumentException e) {
          throw new IllegalStateException(e.getMessage(), e);
        }
      }
      return files;
    }
  }
}
