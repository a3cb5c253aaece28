package io.github.kindred.eval.cli;

import io.github.kindred.eval.experiment.Experiment;
import java.io.PrintWriter;

/**
 * A one-line progress bar on standard error, redrawn in place, shown only when a terminal is attached (so that
 * redirected output and tests stay clean).
 */
final class Progress {
  private static final int WIDTH = 30;

  private Progress() {}

  static Experiment.Listener to(PrintWriter err) {
    if (System.console() == null) {
      return (done, total, label) -> { };
    }
    return (done, total, label) -> {
      int filled = total == 0 ? WIDTH : WIDTH * done / total;
      err.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + done + "/" + total + " " + label
          + "\u001b[K");
      if (done == total) {
        err.println();
      }
      err.flush();
    };
  }
}
