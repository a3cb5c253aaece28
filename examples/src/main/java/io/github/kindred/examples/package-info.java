/**
 * Small runnable programs, one story each, all printing to a {@link java.io.PrintStream} they are given (examples
 * print; the library never does). {@link io.github.kindred.examples.Demo} is the main demo (the shaded jar's main
 * class); {@link io.github.kindred.examples.QuickStart} holds the README's quick start between its
 * {@code README-START} and {@code README-END} markers; {@link io.github.kindred.examples.MovieLensEvaluation},
 * {@link io.github.kindred.examples.HomeServicesMarketplace}, {@link io.github.kindred.examples.ECommerce} and
 * {@link io.github.kindred.examples.WinBack} each tell one story. Each has a package-private {@code run} method that
 * the tests call at a small size.
 */
package io.github.kindred.examples;
