package io.github.kindred.eval.experiment;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The library version, as recorded in every report. */
public final class Version {
  private static final String VERSION = load();

  private Version() {}

  /** The version of the evaluation module (the Maven project version), or {@code "unknown"}. */
  public static String get() {
    return VERSION;
  }

  private static String load() {
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      String v = p.getProperty("version", "unknown");
      // An unfiltered file (run from an IDE without Maven resources) still holds the placeholder.
      return v.startsWith("${") ? "unknown" : v;
    } catch (IOException e) {
      return "unknown";
    }
  }
}
