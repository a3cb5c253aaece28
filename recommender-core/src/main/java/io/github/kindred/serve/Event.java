package io.github.kindred.serve;

import io.github.kindred.data.Context;
import io.github.kindred.data.InteractionLog;
import java.util.Objects;

/**
 * One interaction streamed into a running {@link Recommender}: a user, an item, a value and a time, with an
 * optional context.
 *
 * @param userId the external user id, not blank
 * @param itemId the external item id, not blank
 * @param value the weight of the interaction (1 for a plain event), finite and positive
 * @param timestamp seconds since the epoch, or {@link InteractionLog#NO_TIME}
 * @param context the context of the event, {@link Context#EMPTY} if none
 */
public record Event(String userId, String itemId, float value, long timestamp, Context context) {
  /**
   * Validates the event.
   *
   * @param userId the external user id, not blank
   * @param itemId the external item id, not blank
   * @param value the weight of the interaction, finite and positive
   * @param timestamp seconds since the epoch, or {@link InteractionLog#NO_TIME}
   * @param context the context of the event
   * @throws IllegalArgumentException if an id is null or blank, or the value is not finite and positive (the
   *     message names the user and the item)
   * @throws NullPointerException if {@code context} is null
   */
  public Event {
    if (userId == null || userId.isBlank()) {
      throw new IllegalArgumentException("event user id must not be null or blank");
    }
    if (itemId == null || itemId.isBlank()) {
      throw new IllegalArgumentException("event item id must not be null or blank");
    }
    if (!Float.isFinite(value) || value <= 0f) {
      throw new IllegalArgumentException("event value must be finite and > 0, got " + value + " for user '"
          + userId + "' and item '" + itemId + "'");
    }
    Objects.requireNonNull(context, "context");
  }

  /**
   * An event without context.
   *
   * @param userId the external user id, not blank
   * @param itemId the external item id, not blank
   * @param value the weight of the interaction, finite and positive
   * @param timestamp seconds since the epoch, or {@link InteractionLog#NO_TIME}
   * @return the event, with {@link Context#EMPTY}
   * @throws IllegalArgumentException as {@link #Event the constructor}
   */
  public static Event of(String userId, String itemId, float value, long timestamp) {
    return new Event(userId, itemId, value, timestamp, Context.EMPTY);
  }
}
