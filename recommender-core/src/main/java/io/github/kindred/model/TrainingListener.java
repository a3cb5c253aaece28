package io.github.kindred.model;

/**
 * Progress of a long fit, for a progress bar or a log line: the library never prints, so iterative trainers report
 * here instead (see for example {@code ImplicitAlsTrainer.withListener}). A listener does not change the model.
 */
@FunctionalInterface
public interface TrainingListener {
  /** A listener that ignores every report. */
  TrainingListener NONE = (done, total) -> { };

  /**
   * Called after each completed iteration (or epoch), from a training thread, never concurrently for one fit. It
   * should return quickly; an exception it throws aborts the fit and reaches the caller of {@code fit}.
   *
   * @param done iterations completed so far, from 1 to {@code total}
   * @param total iterations of the whole fit
   */
  void iterationDone(int done, int total);
}
