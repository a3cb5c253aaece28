/**
 * JMH benchmarks of Kindred's hot paths. Each class asks one question, carries its baseline in the same run and
 * states its run command in its javadoc; the uber-jar is {@code recommender-bench/target/benchmarks.jar}.
 */
package io.github.kindred.bench;
