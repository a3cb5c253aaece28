/** The few numeric kernels the hot paths share: top-N selection on primitive arrays. */
package io.github.kindred.math;
