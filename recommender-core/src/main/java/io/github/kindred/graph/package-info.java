/**
 * Graph-filter recommenders over the user-item bipartite graph: the degree-normalised item graph with an ideal
 * low-pass part (GF-CF, Shen et al. 2021) and optional sharpening (BSPM, Choi et al. 2023), and RP3beta's
 * popularity-penalised item-user-item random walk (Paudel et al. 2017). All are fitted in closed form, without a
 * dense {@code items x items} matrix.
 */
package io.github.kindred.graph;
