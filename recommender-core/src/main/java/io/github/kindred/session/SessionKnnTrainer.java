package io.github.kindred.session;

import io.github.kindred.data.Dataset;
import io.github.kindred.data.Sessions;
import io.github.kindred.model.Trainer;
import java.util.Objects;

/**
 * Fits V-SKNN (see {@link SessionKnnModel}): cuts the timestamped events into sessions and indexes them; there is
 * nothing else to learn. {@code O(events log events)}; thread-safe.
 */
public final class SessionKnnTrainer implements Trainer<SessionKnnModel> {
  private final SessionKnnConfig config;

  /**
   * Creates a trainer.
   *
   * @param config the validated configuration
   */
  public SessionKnnTrainer(SessionKnnConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  /**
   * Indexes the sessions of {@code data}.
   *
   * @param data the dataset, with timestamped events
   * @return the fitted model
   * @throws IllegalArgumentException if an event has no timestamp (the message names the first one)
   */
  @Override
  public SessionKnnModel fit(Dataset data) {
    Sessions sessions = Sessions.of(data.log(), config.sessionGapSeconds());
    return new SessionKnnModel(config, data.users(), data.items(), sessions);
  }
}
