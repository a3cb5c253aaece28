/**
 * Content-based recommendation: item profiles built from item features (TF-IDF over tags, categorical values and
 * text tokens, scaled numeric values), user profiles built from the profiles of the items a user interacted with,
 * and cosine scoring. Items that have features but no interactions can be scored, which makes these models an
 * answer to the item cold-start problem. {@link io.github.kindred.content.FeatureEncoder} turns feature-table rows
 * into weighted sparse vectors and is shared with the feature-aware models of the hybrid package.
 */
package io.github.kindred.content;
