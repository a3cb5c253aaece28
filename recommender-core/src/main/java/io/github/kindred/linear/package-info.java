/**
 * Linear item-to-item models learnt in closed form: EASE (Steck 2019), whose item-item weight matrix comes from
 * one dense regularised inverse of the item Gram matrix.
 */
package io.github.kindred.linear;
