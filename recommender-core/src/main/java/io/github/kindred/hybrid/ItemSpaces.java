package io.github.kindred.hybrid;

import io.github.kindred.data.IdIndex;
import io.github.kindred.model.Model;
import java.util.List;

/** Checks that composed models share one item index space. */
final class ItemSpaces {
  private ItemSpaces() {}

  /**
   * Returns the longest item index of {@code parts} after checking that every other one is a prefix of it.
   *
   * @throws IllegalArgumentException naming the first part and index where two item spaces disagree
   */
  static IdIndex common(List<? extends Model> parts) {
    IdIndex longest = parts.get(0).items();
    for (Model m : parts) {
      if (m.items().size() > longest.size()) {
        longest = m.items();
      }
    }
    for (int p = 0; p < parts.size(); p++) {
      IdIndex items = parts.get(p).items();
      if (items == longest) {
        continue;
      }
      for (int i = 0; i < items.size(); i++) {
        if (!items.idOf(i).equals(longest.idOf(i))) {
          throw new IllegalArgumentException("part " + p + " indexes item '" + items.idOf(i) + "' at " + i
              + " where another part has '" + longest.idOf(i) + "': the parts must share one item index");
        }
      }
    }
    return longest;
  }

  /** Returns the largest user index of {@code parts}. */
  static IdIndex users(List<? extends Model> parts) {
    IdIndex users = parts.get(0).users();
    for (Model m : parts) {
      if (m.users().size() > users.size()) {
        users = m.users();
      }
    }
    return users;
  }

  static void checkLength(float[] scores, int n) {
    Model.requireScoreLength(scores, n);
  }
}
