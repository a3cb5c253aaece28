package io.github.kindred.examples;

import io.github.kindred.data.FeatureTable;
import io.github.kindred.serve.Explanation;
import io.github.kindred.serve.Recommendations;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Printing helpers shared by the examples: readable item labels from a feature table and one-line explanations.
 * Examples print; the library never does, so this formatting lives here and not in {@code serve}.
 */
final class Show {
  /** Evidence items named in one explanation line; more would make the line unreadable. */
  private static final int EVIDENCE_SHOWN = 2;

  private Show() {}

  /**
   * The id followed by the values of the given categorical fields, e.g. {@code s0042 (plumbing, north)}; the bare
   * id when the table does not describe the item.
   */
  static String label(FeatureTable table, String id, String... fields) {
    int row = table == null ? -1 : table.rowOf(id);
    if (row < 0) {
      return id;
    }
    List<String> parts = new ArrayList<>();
    int[] features = table.featuresOf(row);
    for (String field : fields) {
      String prefix = field + "=";
      for (int f : features) {
        String name = table.features().idOf(f);
        if (name.startsWith(prefix)) {
          parts.add(name.substring(prefix.length()));
          break;
        }
      }
    }
    return parts.isEmpty() ? id : id + " (" + String.join(", ", parts) + ")";
  }

  /** The value of one categorical field of an entity, or null if it has none. */
  static String field(FeatureTable table, String id, String field) {
    int row = table.rowOf(id);
    if (row < 0) {
      return null;
    }
    String prefix = field + "=";
    for (int f : table.featuresOf(row)) {
      String name = table.features().idOf(f);
      if (name.startsWith(prefix)) {
        return name.substring(prefix.length());
      }
    }
    return null;
  }

  /**
   * One line saying why an item was recommended, in the words a customer would understand: "because you booked
   * s0042 (0.42)", "popular: 120 customers".
   *
   * @param verb the past tense of the domain's action ("booked", "bought", "rated")
   */
  static String why(Explanation e, String verb) {
    List<Explanation.Evidence> ev = e.evidence();
    StringBuilder b = new StringBuilder();
    switch (e.reason()) {
      case HISTORY_CONTRIBUTIONS -> b.append("because you ").append(verb).append(' ').append(evidence(ev));
      case NEAREST_HISTORY -> b.append("close to what you ").append(verb).append(": ").append(evidence(ev));
      case SIMILAR_TO_ITEM -> b.append("similar to ").append(evidence(ev));
      case POPULARITY -> b.append("popular: ").append(e.popularity()).append(" customers");
      case TRENDING -> b.append("trending: ").append(e.popularity()).append(" customers");
      case MODEL -> b.append("fits your profile and context; ").append(e.popularity()).append(" customers");
      default -> throw new IllegalStateException("unknown reason " + e.reason());
    }
    return b.toString();
  }

  private static String evidence(List<Explanation.Evidence> ev) {
    if (ev.isEmpty()) {
      return "your history";
    }
    List<String> parts = new ArrayList<>();
    for (int k = 0; k < Math.min(EVIDENCE_SHOWN, ev.size()); k++) {
      parts.add(String.format(Locale.ROOT, "%s (%.2f)", ev.get(k).itemId(), ev.get(k).weight()));
    }
    return String.join(" and ", parts);
  }

  /** Prints a numbered list: rank, labelled item, score and explanation. */
  static void list(PrintStream out, Recommendations recs, FeatureTable items, String verb, String... fields) {
    for (int k = 0; k < recs.size(); k++) {
      Explanation e = recs.explanation(k);
      boolean again = !e.evidence().isEmpty() && e.evidence().get(0).itemId().equals(recs.itemId(k));
      out.printf(Locale.ROOT, "  %2d. %-38s %8.3f  %s%n", k + 1, label(items, recs.itemId(k), fields),
          recs.score(k), again ? "again: you " + verb + " it before" : why(e, verb));
    }
  }
}
