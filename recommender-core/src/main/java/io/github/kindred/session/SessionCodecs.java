package io.github.kindred.session;

import io.github.kindred.persist.ModelInput;
import io.github.kindred.persist.ModelFormatException;

/** Shared checks of the session codecs. */
final class SessionCodecs {
  private SessionCodecs() {}

  /** Rethrows a configuration's validation failure as a format error. */
  static ModelFormatException invalid(ModelInput in, IllegalArgumentException e) throws ModelFormatException {
    in.check(false, "configuration: " + e.getMessage());
    return new ModelFormatException("unreachable", e);
  }
}
