/**
 * Context-aware recommendation: a context is a set of named features of a request and of each training event
 * ({@link io.github.kindred.data.Context}), such as the part of the day, the season, the district or the task type.
 *
 * <ul>
 *   <li>{@link io.github.kindred.data.TimeFeatures} (in {@code data}, since the data layer derives them too)
 *       derives time-of-day, day-of-week, weekend and season features from timestamps in a time zone, for one
 *       instant or for every event of a log.
 *   <li>{@link io.github.kindred.context.ContextualPreFilter} fits any context-free trainer once per context slice
 *       large enough, and answers from the finest matching slice, backing off to coarser slices and then to a
 *       model of all events.
 *   <li>{@link io.github.kindred.context.ContextualPostFilter} re-weights any model's scores by the smoothed
 *       affinity of each item to the request's context values.
 *   <li>{@link io.github.kindred.context.FactorizationMachine} models context directly: a factorisation machine
 *       over user, item, item-feature, user-feature and context inputs, trained with BPR.
 * </ul>
 *
 * <p>All three models implement {@link io.github.kindred.model.Model} and read the request context from
 * {@link io.github.kindred.model.Query#context()}: an evaluator or a service passes the context of the request (in
 * offline evaluation, the context of the held-out event) with {@link io.github.kindred.model.Query#withContext}.
 * Context names and values must be spelled as in the training log; a value never seen in training is treated as
 * absent.
 */
package io.github.kindred.context;
