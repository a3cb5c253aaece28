package io.github.kindred.persist;

import io.github.kindred.data.Sessions;
import java.util.Objects;

/**
 * Writes and reads {@link Sessions} inside a model file, for the codecs of models that keep their users' baskets or
 * sessions (repeat-aware and session models). Stateless.
 */
public final class SessionArrays {
  private SessionArrays() {}

  /**
   * Writes the four arrays of {@code sessions}.
   *
   * @param sessions the sessions to write
   * @param out the model output
   */
  public static void write(Sessions sessions, ModelOutput out) {
    Objects.requireNonNull(sessions, "sessions");
    out.writeInts(sessions.userStarts());
    out.writeInts(sessions.sessionStarts());
    out.writeInts(sessions.itemArray());
    long[] times = sessions.times();
    out.writeInt(times.length);
    for (long t : times) {
      out.writeLong(t);
    }
  }

  /**
   * Reads what {@link #write} wrote and checks it against the model's indexes.
   *
   * @param in the model input
   * @param users the number of users the sessions must cover
   * @param items the number of items their item indexes must stay below
   * @return the sessions
   * @throws ModelFormatException if an array is inconsistent (lengths, offsets, indexes out of range, times that go
   *     back within a user)
   */
  public static Sessions read(ModelInput in, int users, int items) throws ModelFormatException {
    int[] userStart = in.readInts(users + 1, "session user offsets");
    int[] sessionStart = in.readInts();
    int[] positions = in.readInts();
    in.checkIndexes(positions, items, "session items");
    int count = in.readInt();
    in.check(count == sessionStart.length - 1, "session times have " + count + " entries for "
        + (sessionStart.length - 1) + " sessions");
    // Each time takes 8 bytes: a damaged count must not allocate beyond what the file holds.
    in.check(count >= 0 && count <= in.remaining() / 8, "session time count " + count + " exceeds the file");
    long[] times = new long[count];
    for (int s = 0; s < count; s++) {
      times[s] = in.readLong();
    }
    try {
      return Sessions.of(userStart, sessionStart, positions, times);
    } catch (IllegalArgumentException e) {
      in.check(false, "sessions: " + e.getMessage());
      throw e;
    }
  }
}
