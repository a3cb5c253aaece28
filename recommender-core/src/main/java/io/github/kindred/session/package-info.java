/**
 * Session and sequence recommenders for anonymous or new visitors, scored from the ordered events of the current
 * session: session-kNN with recency weights (V-SKNN, Ludewig and Jannach 2018) and first-order Markov transitions.
 * The session is read from the query's events ({@code Query.withEvents}: what the serving facade passes from a
 * request, no refit needed), or else from its history in the given order, the last entry the most recent.
 */
package io.github.kindred.session;
