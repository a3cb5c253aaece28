/**
 * The two contracts everything meets at: a {@link io.github.kindred.model.Trainer} fits a
 * {@link io.github.kindred.data.Dataset} into an immutable {@link io.github.kindred.model.Model}, and a model fills a
 * {@code float[]} with a score per item for a {@link io.github.kindred.model.Query}. Optional abilities are separate
 * small interfaces a model may also implement.
 */
package io.github.kindred.model;
