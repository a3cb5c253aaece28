package io.github.kindred.bench;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * A JMH profiler that reports the benchmark JVM's CPU time per operation ({@code cpu.time/op}, microseconds) next
 * to the wall-clock score. On a machine shared with other busy processes the wall-clock time of a single-threaded
 * benchmark also counts the time its thread waited for a core; the process CPU time does not, so it is the steadier
 * figure there (it also counts the JVM's own threads, GC and JIT, which are quiet after warm-up).
 *
 * <p>Use: {@code java -jar benchmarks.jar FactorScoringBenchmark -prof io.github.kindred.bench.CpuTimeProfiler}.
 */
public final class CpuTimeProfiler implements InternalProfiler {
  private final com.sun.management.OperatingSystemMXBean os =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private long startNanos;

  /** Creates the profiler; JMH calls this. */
  public CpuTimeProfiler() {}

  @Override
  public String getDescription() {
    return "Process CPU time per operation (steadier than wall time on a shared machine)";
  }

  @Override
  public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
    startNanos = os.getProcessCpuTime();
  }

  @Override
  public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
      IterationParams iterationParams, IterationResult result) {
    long cpu = os.getProcessCpuTime() - startNanos;
    long ops = result.getMetadata().getMeasuredOps();
    if (ops <= 0 || cpu < 0) {
      return List.of();
    }
    return List.of(new ScalarResult("cpu.time/op", cpu / 1e3 / ops, "us/op", AggregationPolicy.AVG));
  }
}
