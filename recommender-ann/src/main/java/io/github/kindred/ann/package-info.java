/**
 * Approximate top-N retrieval over the item vectors of dot-product models, for catalogues where the exact scan is
 * too slow (1,000,000 x 64 floats take about 25-30 ms per request on one core): a hierarchical navigable small
 * world graph (Malkov and Yashunin 2018) built with Apache Lucene's HNSW classes, searched with the user vector, and
 * the candidates re-scored exactly with the model's own dot product. The graph is built and searched on the inner
 * product itself (ip-NSW, Morozov and Babenko 2018).
 *
 * <p>The front door is {@link io.github.kindred.ann.HnswItemIndex}; its configuration is
 * {@link io.github.kindred.ann.AnnConfig}.
 */
package io.github.kindred.ann;
