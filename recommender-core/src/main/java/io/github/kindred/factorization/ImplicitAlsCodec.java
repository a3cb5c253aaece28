package io.github.kindred.factorization;

import io.github.kindred.persist.ModelCodec;
import io.github.kindred.persist.ModelFormatException;
import io.github.kindred.persist.ModelInput;
import io.github.kindred.persist.ModelOutput;

/**
 * Persists implicit-ALS models under the algorithm name {@code "ials"}: configuration, user and item factors, and
 * the item Gram matrix and mean history length that fold-in needs (so that a loaded model folds in anonymous
 * histories exactly as the trained one). Thread-safe.
 */
public final class ImplicitAlsCodec implements ModelCodec<ImplicitAlsModel> {
  /** Creates the codec (for the service loader). */
  public ImplicitAlsCodec() {}

  @Override
  public String algorithm() {
    return "ials";
  }

  @Override
  public Class<ImplicitAlsModel> modelType() {
    return ImplicitAlsModel.class;
  }

  @Override
  public void write(ImplicitAlsModel m, ModelOutput out) {
    ImplicitAlsConfig c = m.config();
    out.writeInt(c.factors());
    out.writeInt(c.iterations());
    out.writeFloat(c.regularization());
    out.writeFloat(c.alpha());
    out.writeLong(c.seed());
    out.writeInt(c.threads());
    out.writeString(c.solver().name());
    out.writeInt(c.cgSteps());
    out.writeFloat(c.regularizationExponent());
    out.writeFloats(m.userFactors());
    out.writeFloats(m.itemFactors());
    out.writeDoubles(m.itemGram());
    out.writeDouble(m.meanUserCount());
  }

  @Override
  public ImplicitAlsModel read(ModelInput in) throws ModelFormatException {
    int factors = in.readInt();
    int iterations = in.readInt();
    float regularization = in.readFloat();
    float alpha = in.readFloat();
    long seed = in.readLong();
    int threads = in.readInt();
    String solver = in.readString();
    in.check(solver.equals("CG") || solver.equals("CHOLESKY"), "unknown solver '" + solver + "'");
    ImplicitAlsConfig c = new ImplicitAlsConfig(factors, iterations, regularization, alpha, seed, threads,
        AlsSolver.valueOf(solver), in.readInt(), in.readFloat());
    float[] p = in.readFloats(Math.multiplyExact(in.users().size(), factors), "user factors");
    float[] q = in.readFloats(Math.multiplyExact(in.items().size(), factors), "item factors");
    double[] gram = in.readDoubles();
    in.check(gram.length == Math.multiplyExact(factors, factors), "item Gram matrix has " + gram.length
        + " entries, expected " + factors + " x " + factors);
    return new ImplicitAlsModel(c, in.users(), in.items(), p, q, gram, in.readDouble());
  }
}
