/**
 * The Kindred model file format: {@link io.github.kindred.persist.ModelFiles} saves and loads any model that has a
 * {@link io.github.kindred.persist.ModelCodec}, in a versioned, checksummed binary envelope; damaged, foreign and
 * newer files are rejected with a {@link io.github.kindred.persist.ModelFormatException} naming the problem.
 */
package io.github.kindred.persist;
