/**
 * Session and sequence recommenders for anonymous or new visitors, scored from the ordered events of the current
 * session: session-kNN with recency weights (V-SKNN, Ludewig and Jannach 2018) and first-order Markov transitions.
 * A query's history is read in order, the last entry being the most recent event.
 */
package io.github.kindred.session;
