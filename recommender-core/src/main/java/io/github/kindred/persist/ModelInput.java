package io.github.kindred.persist;

import io.github.kindred.data.IdIndex;
import io.github.kindred.model.Model;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Where a {@link ModelCodec} reads a model's state back, in the order it was written. Every read checks the bytes
 * that remain first, and every array length is checked against them before anything is allocated, so a damaged
 * length fails with a {@link ModelFormatException} instead of an {@link OutOfMemoryError}. Arrays are copied in
 * bulk. Nested models (the parts of a composite) are read with {@link #readModel()}. Not thread-safe; one per
 * load.
 */
public final class ModelInput {
  /** The id-index count that stands for "the indexes of the enclosing model" in a nested model. */
  static final int SAME_INDEX = -1;
  /** How deep models may nest: far more than any real composite, and a bound on recursion for damaged files. */
  static final int MAX_DEPTH = 8;

  private final ByteBuffer buf;
  private final int formatVersion;
  private final String algorithm;
  private final ModelFiles files;
  private final int depth;
  private IdIndex users;
  private IdIndex items;
  private byte[] scratch = new byte[64];

  ModelInput(ByteBuffer buf, int formatVersion, String algorithm, ModelFiles files, int depth) {
    this.buf = buf;
    this.formatVersion = formatVersion;
    this.algorithm = algorithm;
    this.files = files;
    this.depth = depth;
  }

  void setIndexes(IdIndex users, IdIndex items) {
    this.users = users;
    this.items = items;
  }

  /** {@return the format version of the file being read, for codecs that read older layouts} */
  public int formatVersion() {
    return formatVersion;
  }

  /** {@return the user ids stored in the file} */
  public IdIndex users() {
    return users;
  }

  /** {@return the item ids stored in the file} */
  public IdIndex items() {
    return items;
  }

  /** {@return the number of bytes not yet read, a bound codecs may check counts against} */
  public int remaining() {
    return buf.remaining();
  }

  private void need(long bytes, String what) throws ModelFormatException {
    if (bytes > buf.remaining()) {
      throw new ModelFormatException(algorithm + " model: " + what + " needs " + bytes + " bytes but only "
          + buf.remaining() + " remain at offset " + buf.position());
    }
  }

  /**
   * Reads an int (4 bytes, little-endian, as {@link ModelOutput} writes it).
   *
   * @return the value
   * @throws ModelFormatException if fewer than 4 bytes remain
   */
  public int readInt() throws ModelFormatException {
    need(4, "an int");
    return buf.getInt();
  }

  /**
   * Reads a long (8 bytes, little-endian, as {@link ModelOutput} writes it).
   *
   * @return the value
   * @throws ModelFormatException if fewer than 8 bytes remain
   */
  public long readLong() throws ModelFormatException {
    need(8, "a long");
    return buf.getLong();
  }

  /**
   * Reads a float (4 bytes, little-endian, as {@link ModelOutput} writes it).
   *
   * @return the value
   * @throws ModelFormatException if fewer than 4 bytes remain
   */
  public float readFloat() throws ModelFormatException {
    need(4, "a float");
    return buf.getFloat();
  }

  /**
   * Reads a double (8 bytes, little-endian, as {@link ModelOutput} writes it).
   *
   * @return the value
   * @throws ModelFormatException if fewer than 8 bytes remain
   */
  public double readDouble() throws ModelFormatException {
    need(8, "a double");
    return buf.getDouble();
  }

  /**
   * Reads a boolean written by {@link ModelOutput#writeBoolean}.
   *
   * @return the value
   * @throws ModelFormatException if fewer than 4 bytes remain or the stored int is neither 0 nor 1
   */
  public boolean readBoolean() throws ModelFormatException {
    int v = readInt();
    check(v == 0 || v == 1, "a boolean is stored as " + v);
    return v == 1;
  }

  /**
   * Reads a string written by {@link ModelOutput#writeString}: its UTF-8 byte length, then the bytes.
   *
   * @return the string
   * @throws ModelFormatException if the length is negative or more than the remaining bytes hold
   */
  public String readString() throws ModelFormatException {
    int n = readLength(1, "a string");
    if (buf.hasArray()) {
      String s = new String(buf.array(), buf.arrayOffset() + buf.position(), n, StandardCharsets.UTF_8);
      buf.position(buf.position() + n);
      return s;
    }
    if (scratch.length < n) {
      scratch = new byte[Math.max(n, 2 * scratch.length)];
    }
    buf.get(scratch, 0, n);
    return new String(scratch, 0, n, StandardCharsets.UTF_8);
  }

  /**
   * Reads an id index written by {@link ModelOutput#writeIndex}.
   *
   * @param what names the index in error messages, for example {@code "candidate"}
   * @return the index
   * @throws ModelFormatException if the count does not fit the remaining bytes (each id takes at least 4), a string
   *     is damaged, or an id repeats
   */
  public IdIndex readIndex(String what) throws ModelFormatException {
    return readIndex(readInt(), what);
  }

  private IdIndex readIndex(int n, String what) throws ModelFormatException {
    // Every id takes at least its 4-byte length, which bounds the count before the array is allocated.
    check(n >= 0 && (long) n * 4 <= remaining(), what + " id count " + n + " does not fit the file");
    String[] ids = new String[n];
    for (int i = 0; i < n; i++) {
      ids[i] = readString();
    }
    try {
      return IdIndex.of(ids);
    } catch (IllegalArgumentException e) {
      throw new ModelFormatException(what + " ids: " + e.getMessage(), e);
    }
  }

  /**
   * Reads a nested model written by {@link ModelOutput#writeModel} through the codecs of the {@link ModelFiles}
   * that is loading.
   *
   * @return the nested model, with the enclosing model's id indexes unless it stored its own
   * @throws ModelFormatException if its algorithm has no codec, models nest deeper than {@value #MAX_DEPTH}
   *     levels, or its state is invalid
   * @throws IOException if the nested codec fails to read otherwise
   */
  public Model readModel() throws IOException {
    check(depth < MAX_DEPTH, "models nest deeper than " + MAX_DEPTH + " levels");
    String name = readString();
    ModelCodec<?> codec = files.codecNamed(name);
    check(codec != null, "nested model of algorithm '" + name + "', for which no codec is registered (known: "
        + files.knownAlgorithms() + ")");
    ModelInput nested = new ModelInput(buf, formatVersion, name, files, depth + 1);
    int n = readInt();
    IdIndex u = n == SAME_INDEX ? users : nested.readIndex(n, "nested user");
    n = readInt();
    IdIndex i = n == SAME_INDEX ? items : nested.readIndex(n, "nested item");
    nested.setIndexes(u, i);
    return codec.read(nested);
  }

  private int readLength(int elementBytes, String what) throws ModelFormatException {
    int n = readInt();
    if (n < 0) {
      throw new ModelFormatException(algorithm + " model: " + what + " has negative length " + n);
    }
    need((long) n * elementBytes, what + " of length " + n);
    return n;
  }

  /**
   * Reads an int array: its length as an int, then 4 bytes per element.
   *
   * @return a new array; its length is checked against the remaining bytes before it is allocated
   * @throws ModelFormatException if the length is negative or more than the remaining bytes hold
   */
  public int[] readInts() throws ModelFormatException {
    int n = readLength(4, "an int array");
    int[] a = new int[n];
    buf.asIntBuffer().get(a);
    buf.position(buf.position() + 4 * n);
    return a;
  }

  /**
   * Reads a float array: its length as an int, then 4 bytes per element.
   *
   * @return a new array; its length is checked against the remaining bytes before it is allocated
   * @throws ModelFormatException if the length is negative or more than the remaining bytes hold
   */
  public float[] readFloats() throws ModelFormatException {
    int n = readLength(4, "a float array");
    float[] a = new float[n];
    buf.asFloatBuffer().get(a);
    buf.position(buf.position() + 4 * n);
    return a;
  }

  /**
   * Reads a double array: its length as an int, then 8 bytes per element.
   *
   * @return a new array; its length is checked against the remaining bytes before it is allocated
   * @throws ModelFormatException if the length is negative or more than the remaining bytes hold
   */
  public double[] readDoubles() throws ModelFormatException {
    int n = readLength(8, "a double array");
    double[] a = new double[n];
    buf.asDoubleBuffer().get(a);
    buf.position(buf.position() + 8 * n);
    return a;
  }

  /**
   * Reads an int array and checks that it has the length the codec expects.
   *
   * @param length the expected number of elements, for example the item count
   * @param what names the array in the error message
   * @return the array
   * @throws ModelFormatException if the array is damaged or has another length
   */
  public int[] readInts(int length, String what) throws ModelFormatException {
    int[] a = readInts();
    checkLength(a.length, length, what);
    return a;
  }

  /**
   * Reads a float array and checks that it has the length the codec expects.
   *
   * @param length the expected number of elements, for example items times factors
   * @param what names the array in the error message
   * @return the array
   * @throws ModelFormatException if the array is damaged or has another length
   */
  public float[] readFloats(int length, String what) throws ModelFormatException {
    float[] a = readFloats();
    checkLength(a.length, length, what);
    return a;
  }

  private void checkLength(int actual, int expected, String what) throws ModelFormatException {
    if (actual != expected) {
      throw new ModelFormatException(
          algorithm + " model: " + what + " has " + actual + " elements, expected " + expected);
    }
  }

  /**
   * Fails with a {@link ModelFormatException} naming {@code problem} unless {@code condition} holds; for codecs'
   * consistency checks.
   *
   * @param condition what a valid file satisfies
   * @param problem the message when it does not, prefixed with the algorithm name
   * @throws ModelFormatException if {@code condition} is false
   */
  public void check(boolean condition, String problem) throws ModelFormatException {
    if (!condition) {
      throw new ModelFormatException(algorithm + " model: " + problem);
    }
  }

  /**
   * Checks that every element of {@code indexes} is in {@code [0, bound)}, so that a damaged file cannot make a
   * model index out of its arrays at request time.
   *
   * @param indexes the indexes read, for example item indexes of a neighbour list
   * @param bound the exclusive upper bound, for example the item count
   * @param what names the array in the error message
   * @throws ModelFormatException naming the first index out of range and its position
   */
  public void checkIndexes(int[] indexes, int bound, String what) throws ModelFormatException {
    for (int k = 0; k < indexes.length; k++) {
      if (indexes[k] < 0 || indexes[k] >= bound) {
        throw new ModelFormatException(algorithm + " model: " + what + "[" + k + "] = " + indexes[k]
            + " is not in [0, " + bound + ")");
      }
    }
  }

  /**
   * Checks that {@code pointers} are CSR row pointers over {@code total} entries: they start at 0, never decrease,
   * and end at {@code total}.
   *
   * @param pointers the pointers read
   * @param total the number of entries they point into
   * @param what names the array in the error message
   * @throws ModelFormatException if the pointers are empty, do not start at 0 or end at {@code total}, or decrease
   */
  public void checkPointers(int[] pointers, int total, String what) throws ModelFormatException {
    check(pointers.length > 0 && pointers[0] == 0 && pointers[pointers.length - 1] == total,
        what + " must run from 0 to " + total);
    for (int k = 1; k < pointers.length; k++) {
      if (pointers[k] < pointers[k - 1]) {
        throw new ModelFormatException(algorithm + " model: " + what + " decrease at " + k);
      }
    }
  }
}
