/**
 * User segmentation: k-means++ clusters of users over their factor vectors or feature profiles
 * ({@link io.github.kindred.segment.KMeansSegmenter}), RFM scores and named tiers from a timestamped log
 * ({@link io.github.kindred.segment.RfmScores}), regular users gone quiet ({@link io.github.kindred.segment.AtRiskUsers}),
 * and the most popular items per segment ({@link io.github.kindred.segment.SegmentHotLists}).
 *
 * <p>Every result is an immutable snapshot over the dense user indexes of the data it was computed from, and
 * implements {@link io.github.kindred.segment.UserSegments}, the user-to-segment-name mapping that the serving layer's
 * segment hot lists consume through {@link io.github.kindred.segment.UserSegments#byUserId}.
 */
package io.github.kindred.segment;
