package io.github.kindred.eval.experiment;

import io.github.kindred.data.InteractionLog;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A short content fingerprint of an interaction log, recorded in reports so that results can be tied to the exact
 * data they were measured on. Stateless and thread-safe.
 */
public final class Fingerprint {
  private Fingerprint() {}

  /**
   * The first 16 hex digits of the SHA-256 of every event's user id, item id, raw value and timestamp, in log
   * order, prefixed with {@code "sha256:"}. Equal logs give equal fingerprints; any change of an event, of their
   * order or of their number changes it (up to hash collisions).
   */
  public static String of(InteractionLog log) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
    byte[] buffer = new byte[12];
    for (int i = 0; i < log.size(); i++) {
      digest.update(log.users().idOf(log.user(i)).getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      digest.update(log.items().idOf(log.item(i)).getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      int v = Float.floatToIntBits(log.value(i));
      long t = log.timestamp(i);
      for (int b = 0; b < 4; b++) {
        buffer[b] = (byte) (v >>> (8 * b));
      }
      for (int b = 0; b < 8; b++) {
        buffer[4 + b] = (byte) (t >>> (8 * b));
      }
      digest.update(buffer);
    }
    byte[] hash = digest.digest();
    StringBuilder out = new StringBuilder("sha256:");
    for (int b = 0; b < 8; b++) {
      out.append(String.format("%02x", hash[b]));
    }
    return out.toString();
  }
}
