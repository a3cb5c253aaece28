package io.github.kindred.data;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.function.UnaryOperator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Replaces external ids by keyed pseudonyms: the HMAC-SHA256 of the id's UTF-8 bytes under a secret key, encoded as
 * unpadded base64url and truncated to {@link #length()} characters ({@value #DEFAULT_LENGTH} by default, that is
 * 132 bits, enough to make collisions among billions of ids negligible).
 *
 * <p>The same key always gives the same pseudonym for an id, so logs read on different days join up; without the key
 * a pseudonym cannot be computed from an id, nor reversed (unlike a plain hash, which anyone can compute for a
 * guessed id). The key is the caller's: there is no default key, and keeping it secret, rotating it and deciding who
 * may re-identify users is left to the embedding service. Pseudonymised data is still personal data under GDPR
 * while the key exists.
 *
 * <p>Use it while reading, so raw ids never reach a log:
 * {@code new DelimitedReader(format).withUserIdMapping(new Pseudonymizer(key))}. Instances are immutable and safe
 * to share between threads (each thread gets its own {@link Mac}).
 */
public final class Pseudonymizer implements UnaryOperator<String> {
  /** Pseudonym length in base64url characters unless given: 22 characters, 132 bits of the MAC. */
  public static final int DEFAULT_LENGTH = 22;
  /** The shortest key accepted, in bytes (128 bits). */
  public static final int MIN_KEY_BYTES = 16;
  /** The longest pseudonym: the whole 256-bit MAC in unpadded base64url. */
  public static final int MAX_LENGTH = 43;

  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;
  private final int length;
  private final ThreadLocal<Mac> macs;

  /**
   * Creates a pseudonymizer with pseudonyms of {@value #DEFAULT_LENGTH} characters.
   *
   * @param key the secret key, at least {@value #MIN_KEY_BYTES} bytes; copied
   * @throws IllegalArgumentException if the key is too short
   */
  public Pseudonymizer(byte[] key) {
    this(key, DEFAULT_LENGTH);
  }

  /**
   * Creates a pseudonymizer.
   *
   * @param key the secret key, at least {@value #MIN_KEY_BYTES} bytes; copied
   * @param length pseudonym length in base64url characters (6 bits each), in [8, {@value #MAX_LENGTH}]
   * @throws IllegalArgumentException if the key is too short or {@code length} is out of range
   */
  public Pseudonymizer(byte[] key, int length) {
    Objects.requireNonNull(key, "key");
    if (key.length < MIN_KEY_BYTES) {
      throw new IllegalArgumentException(
          "key must have at least " + MIN_KEY_BYTES + " bytes, got " + key.length);
    }
    if (length < 8 || length > MAX_LENGTH) {
      throw new IllegalArgumentException("length must be in [8, " + MAX_LENGTH + "], got " + length);
    }
    byte[] copy = key.clone();
    this.key = new SecretKeySpec(copy, ALGORITHM);
    Arrays.fill(copy, (byte) 0);
    this.length = length;
    this.macs = ThreadLocal.withInitial(this::newMac);
    newMac(); // fails here, not on first use, if the JVM lacks the algorithm
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(ALGORITHM + " is not available", e);
    }
  }

  /** {@return the pseudonym length in base64url characters, in [8, {@value #MAX_LENGTH}]} */
  public int length() {
    return length;
  }

  /**
   * Returns the pseudonym of {@code id}: {@link #length()} characters from {@code [A-Za-z0-9_-]}.
   *
   * @throws NullPointerException if {@code id} is null
   */
  @Override
  public String apply(String id) {
    Objects.requireNonNull(id, "id");
    byte[] mac = macs.get().doFinal(id.getBytes(StandardCharsets.UTF_8));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(mac).substring(0, length);
  }

  @Override
  public String toString() {
    // Never the key.
    return "Pseudonymizer[HmacSHA256, length=" + length + "]";
  }
}
