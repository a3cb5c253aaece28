/**
 * The {@code kindred-eval} command-line tool (picocli): {@code evaluate} fits the named algorithms on a training
 * file and measures them on a test file, printing a table and writing the JSON report of the SPEC's "Evaluation
 * CLI contract". Errors in arguments or data are reported in one line on standard error with a non-zero exit code.
 */
package io.github.kindred.eval.cli;
