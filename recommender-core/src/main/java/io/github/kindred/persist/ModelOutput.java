package io.github.kindred.persist;

import io.github.kindred.data.IdIndex;
import io.github.kindred.model.Model;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Where a {@link ModelCodec} writes a model's state: primitives, strings and primitive arrays, little-endian (the
 * byte order of the machines Kindred serves on, so that loading copies arrays without swapping bytes). Arrays are
 * written as their length followed by their elements, in bulk. A composite model writes its parts with
 * {@link #writeModel}. Not thread-safe; one per save.
 */
public final class ModelOutput {
  private ByteBuffer buf = ByteBuffer.allocate(1 << 12).order(ByteOrder.LITTLE_ENDIAN);

  private final ModelFiles files;
  /** The id indexes of the model whose state is being written: a nested model that shares them refers to them. */
  private IdIndex users;
  private IdIndex items;

  ModelOutput(ModelFiles files) {
    this.files = files;
  }

  private void ensure(long more) {
    long need = (long) buf.position() + more;
    if (need > ModelFiles.MAX_BODY) {
      throw new IllegalStateException("model state exceeds the format's limit of " + ModelFiles.MAX_BODY + " bytes");
    }
    if (need > buf.capacity()) {
      long grown = Math.min(ModelFiles.MAX_BODY, Math.max(need, 2L * buf.capacity()));
      ByteBuffer next = ByteBuffer.wrap(Arrays.copyOf(buf.array(), (int) grown)).order(ByteOrder.LITTLE_ENDIAN);
      next.position(buf.position());
      buf = next;
    }
  }

  /**
   * Writes an int (4 bytes, little-endian).
   *
   * @param v the value
   * @throws IllegalStateException if the state would exceed the format's limit of about 2 GiB
   */
  public void writeInt(int v) {
    ensure(4);
    buf.putInt(v);
  }

  /**
   * Writes a long (8 bytes, little-endian).
   *
   * @param v the value
   * @throws IllegalStateException if the state would exceed the format's limit of about 2 GiB
   */
  public void writeLong(long v) {
    ensure(8);
    buf.putLong(v);
  }

  /**
   * Writes a float (4 bytes, little-endian).
   *
   * @param v the value
   * @throws IllegalStateException if the state would exceed the format's limit of about 2 GiB
   */
  public void writeFloat(float v) {
    ensure(4);
    buf.putFloat(v);
  }

  /**
   * Writes a double (8 bytes, little-endian).
   *
   * @param v the value
   * @throws IllegalStateException if the state would exceed the format's limit of about 2 GiB
   */
  public void writeDouble(double v) {
    ensure(8);
    buf.putDouble(v);
  }

  /**
   * Writes a boolean as the int 1 or 0 (4 bytes); {@link ModelInput#readBoolean()} rejects any other int.
   *
   * @param v the value
   */
  public void writeBoolean(boolean v) {
    writeInt(v ? 1 : 0);
  }

  /**
   * Writes a string as its UTF-8 byte length (an int) and bytes.
   *
   * @param s the string, not null (any length, including empty)
   * @throws NullPointerException if {@code s} is null
   */
  public void writeString(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    ensure(4L + b.length);
    buf.putInt(b.length);
    buf.put(b);
  }

  /**
   * Writes an int array: its length as an int, then 4 bytes per element; read it with
   * {@link ModelInput#readInts()}.
   *
   * @param a the array, not null; an empty array is allowed
   * @throws IllegalStateException if the state would exceed the format's limit of about 2 GiB
   */
  public void writeInts(int[] a) {
    ensure(4 + 4L * a.length);
    buf.putInt(a.length);
    buf.asIntBuffer().put(a);
    buf.position(buf.position() + 4 * a.length);
  }

  /**
   * Writes a float array: its length as an int, then 4 bytes per element; read it with
   * {@link ModelInput#readFloats()}.
   *
   * @param a the array, not null; an empty array is allowed
   * @throws IllegalStateException if the state would exceed the format's limit of about 2 GiB
   */
  public void writeFloats(float[] a) {
    ensure(4 + 4L * a.length);
    buf.putInt(a.length);
    buf.asFloatBuffer().put(a);
    buf.position(buf.position() + 4 * a.length);
  }

  /**
   * Writes a double array: its length as an int, then 8 bytes per element; read it with
   * {@link ModelInput#readDoubles()}.
   *
   * @param a the array, not null; an empty array is allowed
   * @throws IllegalStateException if the state would exceed the format's limit of about 2 GiB
   */
  public void writeDoubles(double[] a) {
    ensure(4 + 8L * a.length);
    buf.putInt(a.length);
    buf.asDoubleBuffer().put(a);
    buf.position(buf.position() + 8 * a.length);
  }

  /**
   * Writes an id index as its size and then each id as a string, in index order; read it with
   * {@link ModelInput#readIndex(String)}.
   *
   * @param index the index, not null
   */
  public void writeIndex(IdIndex index) {
    int n = index.size();
    writeInt(n);
    for (int i = 0; i < n; i++) {
      writeString(index.idOf(i));
    }
  }

  /**
   * Writes a nested model (a part of a composite) through the codecs of the {@link ModelFiles} that is saving:
   * its algorithm name, its id indexes (or a marker when they equal those of the model being written, which is
   * usual for parts and saves writing a large catalogue twice) and its state. Read it back with
   * {@link ModelInput#readModel()}.
   *
   * @param model the nested model, not null
   * @throws IllegalArgumentException if no codec is registered for the model's class
   */
  public void writeModel(Model model) {
    ModelCodec<Model> codec = files.codecFor(model);
    writeString(codec.algorithm());
    writeIndexOrSame(model.users(), users);
    writeIndexOrSame(model.items(), items);
    writeState(codec, model);
  }

  private void writeIndexOrSame(IdIndex index, IdIndex enclosing) {
    if (index == enclosing || index.equals(enclosing)) {
      writeInt(ModelInput.SAME_INDEX);
    } else {
      writeIndex(index);
    }
  }

  /** Runs {@code codec} on {@code model} with the model's indexes as those nested models refer to. */
  void writeState(ModelCodec<Model> codec, Model model) {
    IdIndex outerUsers = users;
    IdIndex outerItems = items;
    users = model.users();
    items = model.items();
    try {
      codec.write(model, this);
    } finally {
      users = outerUsers;
      items = outerItems;
    }
  }

  /** The bytes written so far: the backing array and its used length. */
  byte[] array() {
    return buf.array();
  }

  int size() {
    return buf.position();
  }
}
