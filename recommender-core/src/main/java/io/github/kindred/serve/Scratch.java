package io.github.kindred.serve;

import io.github.kindred.math.TopN;
import io.github.kindred.serve.pipeline.CandidateStage;
import io.github.kindred.serve.pipeline.Diversifier;

/**
 * Per-thread scratch buffers of one recommender, reused across requests so that the scoring path allocates
 * nothing but its result. Buffers only grow. Never shared between threads (held in a {@link ThreadLocal}).
 */
final class Scratch {
  final TopN top = new TopN(16);
  private float[] scores = new float[0];
  private float[] vector = new float[0];
  private float[] vector2 = new float[0];
  final CandidateStage candidates = new CandidateStage();
  final Diversifier diversifier = new Diversifier();
  private float[] poolVectors = new float[0];

  float[] scores(int n) {
    if (scores.length < n) {
      scores = new float[n];
    }
    return scores;
  }

  float[] vector(int n) {
    if (vector.length < n) {
      vector = new float[n];
    }
    return vector;
  }

  float[] vector2(int n) {
    if (vector2.length < n) {
      vector2 = new float[n];
    }
    return vector2;
  }

  float[] poolVectors(int n) {
    if (poolVectors.length < n) {
      poolVectors = new float[n];
    }
    return poolVectors;
  }
}
