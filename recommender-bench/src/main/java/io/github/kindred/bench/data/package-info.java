/**
 * Seeded synthetic inputs shared by the benchmarks: random vectors and item lists ({@link
 * io.github.kindred.bench.data.BenchData}) and generated training datasets ({@link
 * io.github.kindred.bench.data.TrainingData}). The same salt gives the same data in every fork and run, so that two
 * benchmarks compared in one run see identical inputs.
 */
package io.github.kindred.bench.data;
