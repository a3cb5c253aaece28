/** Small runnable programs, one story each. {@link io.github.kindred.examples.Demo} is the main demo. */
package io.github.kindred.examples;
