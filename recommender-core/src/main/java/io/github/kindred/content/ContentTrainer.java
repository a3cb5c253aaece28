package io.github.kindred.content;

import io.github.kindred.data.Dataset;
import io.github.kindred.data.FeatureTable;
import io.github.kindred.data.IdIndex;
import io.github.kindred.model.Trainer;
import java.util.Objects;

/**
 * Fits a {@link ContentModel}: one unit-length profile per item from the dataset's item features (see
 * {@link FeatureEncoder} for the weights). The encoder's statistics ({@code N}, document frequencies, numeric
 * means) are taken over all the model's items, including the feature-only items when the configuration includes
 * them. Interactions are not used for the profiles; they only decide which items the dataset knows.
 *
 * <p>Cost: one pass over the feature table. Thread-safe and deterministic.
 */
public final class ContentTrainer implements Trainer<ContentModel> {
  private final ContentConfig config;

  /**
   * Creates a trainer with {@code config}.
   *
   * @param config the validated configuration
   * @throws NullPointerException if {@code config} is null
   */
  public ContentTrainer(ContentConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  /** {@return the configuration} */
  public ContentConfig config() {
    return config;
  }

  @Override
  public ContentModel fit(Dataset data) {
    FeatureTable table = data.itemFeatures();
    IdIndex items = config.includeFeatureOnlyItems() ? withFeatureOnly(data.items(), table) : data.items();
    FeatureEncoder encoder = FeatureEncoder.fit(table, items, config.weighting());
    return new ContentModel(config, data.users(), items, encoder, encoder.encodeAll(items));
  }

  /**
   * Returns {@code known} extended with the entities of {@code table} it does not contain, appended in table
   * order: the item index of a model that can score items with features but no interactions.
   *
   * @param known the ids with interactions, keeping their indexes
   * @param table the feature table whose other entities are appended
   * @return {@code known} itself if the table adds nothing, else a new, longer index
   */
  public static IdIndex withFeatureOnly(IdIndex known, FeatureTable table) {
    IdIndex described = table.entities();
    boolean extra = false;
    for (int r = 0; r < described.size() && !extra; r++) {
      extra = !known.contains(described.idOf(r));
    }
    if (!extra) {
      return known;
    }
    IdIndex.Builder b = known.toBuilder();
    for (int r = 0; r < described.size(); r++) {
      b.add(described.idOf(r));
    }
    return b.build();
  }
}
