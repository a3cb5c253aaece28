package io.github.kindred.examples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Captures what an example prints, so that tests can check it without printing. */
final class Output {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  /** The stream to hand to the example. */
  final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  /** Everything printed so far. */
  String text() {
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
