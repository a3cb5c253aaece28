/**
 * Readers that turn files into interaction logs and feature tables: a generic delimited reader driven by a
 * {@link io.github.kindred.data.io.DelimitedFormat} (CSV, TSV, {@code ::} files, with RFC 4180 quoting), and
 * {@link io.github.kindred.data.io.MovieLens} for the MovieLens 100K, 1M/10M and "latest" layouts.
 *
 * <p>Readers stream line by line, so a file is never held in memory as text. A malformed line fails the read with
 * a {@link io.github.kindred.data.io.MalformedDataException} naming the file, the line and the reason, and leaves
 * the caller's builder as it was; in lenient mode bad lines are skipped and counted in a
 * {@link io.github.kindred.data.io.ReadReport} instead.
 */
package io.github.kindred.data.io;
