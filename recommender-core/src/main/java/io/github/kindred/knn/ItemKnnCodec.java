package io.github.kindred.knn;

import io.github.kindred.persist.ModelCodec;
import io.github.kindred.persist.ModelFormatException;
import io.github.kindred.persist.ModelInput;
import io.github.kindred.persist.ModelOutput;

/** Persists item-kNN models under the algorithm name {@code "itemknn"}: configuration and neighbour lists. */
public final class ItemKnnCodec implements ModelCodec<ItemKnnModel> {
  /** Creates the codec (for the service loader). */
  public ItemKnnCodec() {}

  @Override
  public String algorithm() {
    return "itemknn";
  }

  @Override
  public Class<ItemKnnModel> modelType() {
    return ItemKnnModel.class;
  }

  @Override
  public void write(ItemKnnModel model, ModelOutput out) {
    ItemKnnConfig c = model.config();
    NeighborLists.write(out, c.neighbors(), c.similarity(), c.shrinkage(), c.threads(), model.pointerArray(),
        model.neighborArray(), model.similarityArray());
  }

  @Override
  public ItemKnnModel read(ModelInput in) throws ModelFormatException {
    NeighborLists n = NeighborLists.read(in, in.items().size(), "item");
    ItemKnnConfig config = new ItemKnnConfig(n.neighbors(), n.similarity(), n.shrinkage(), n.threads());
    return new ItemKnnModel(config, in.users(), in.items(), n.pointers(), n.ids(), n.sims());
  }
}
