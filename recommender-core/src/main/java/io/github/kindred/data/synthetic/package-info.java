/**
 * Seeded generators of synthetic data whose generative process is documented, so that algorithms can be compared
 * where the truth is known: {@link io.github.kindred.data.synthetic.Marketplace} is a home-services marketplace
 * with context effects, user taste, popularity skew, district-local technicians and new services; it is also the
 * embedded default data of the main demo.
 */
package io.github.kindred.data.synthetic;
