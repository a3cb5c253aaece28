package io.github.kindred.hybrid;

import io.github.kindred.model.Model;
import io.github.kindred.persist.ModelFormatException;
import io.github.kindred.persist.ModelInput;

/** What the composite codecs share. */
final class HybridCodecs {
  private HybridCodecs() {}

  /**
   * Checks that a composite rebuilt from its parts has the indexes stored for it: the composite derives them from
   * its parts, so a mismatch means the parts are not those that were saved.
   */
  static void checkIndexes(ModelInput in, Model composite) throws ModelFormatException {
    in.check(composite.items().equals(in.items()), "the parts index " + composite.itemCount()
        + " items, the file " + in.items().size());
    in.check(composite.users().equals(in.users()), "the parts index " + composite.users().size()
        + " users, the file " + in.users().size());
  }
}
