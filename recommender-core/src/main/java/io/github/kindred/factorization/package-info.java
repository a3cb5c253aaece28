/**
 * Matrix factorisation for implicit feedback: implicit ALS (Hu, Koren and Volinsky 2008) with conjugate-gradient
 * and Cholesky solvers, and BPR (Rendle et al. 2009). Factors live row-major in one {@code float[]} per side.
 */
package io.github.kindred.factorization;
