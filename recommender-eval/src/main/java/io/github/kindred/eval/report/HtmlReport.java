package io.github.kindred.eval.report;

import static io.github.kindred.eval.report.Reports.escape;

import io.github.kindred.eval.experiment.ExperimentResult;
import io.github.kindred.eval.stats.Statistics;
import java.util.ArrayList;
import java.util.List;

/**
 * The HTML page of {@link Reports#html(ExperimentResult, List)}: a head with provenance, the results table, and
 * per dataset its charts (see there). Stateless; every step appends to the one builder of the page.
 */
final class HtmlReport {
  /** Resamples of the bootstrap intervals drawn in the HTML report. */
  private static final int RESAMPLES = 1000;

  private HtmlReport() {}

  static String page(ExperimentResult r, List<String> metrics) {
    StringBuilder out = new StringBuilder();
    appendHead(out, r);
    appendTable(out, r, metrics);
    String primary = metrics.isEmpty() ? "ndcg@" + r.cutoffs()[0] : metrics.get(0);
    for (String data : r.datasets()) {
      appendCharts(out, r, data, primary);
    }
    out.append("</body></html>\n");
    return out.toString();
  }

  private static void appendHead(StringBuilder out, ExperimentResult r) {
    out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Kindred evaluation</title>\n")
        .append("<style>body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse}")
        .append("td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}td:first-child,th:first-child,")
        .append("td:nth-child(2){text-align:left}svg{margin:1em 1em 1em 0;background:#fafafa}")
        .append(".sampled{color:#b00}</style></head><body>\n<h1>Kindred evaluation</h1>\n<ul>\n");
    Reports.appendProvenance(out, r, "<li>", "</li>\n", Reports::escape);
    out.append("</ul>\n");
    if (r.runs().stream().anyMatch(run -> run.result().sampled())) {
      out.append("<p class=\"sampled\">Sampled-negative protocol: values are not comparable with full ranking.</p>\n");
    }
  }

  private static void appendTable(StringBuilder out, ExperimentResult r, List<String> metrics) {
    out.append("<h2>Results</h2>\n<table><tr><th>dataset</th><th>algorithm</th>");
    for (String m : metrics) {
      out.append("<th>").append(escape(m)).append("</th>");
    }
    out.append("<th>fit s</th><th>recommend s</th></tr>\n");
    for (String data : r.datasets()) {
      for (String algorithm : r.algorithms()) {
        List<ExperimentResult.Run> runs = r.runs(data, algorithm);
        if (runs.isEmpty()) {
          continue;
        }
        out.append("<tr><td>").append(escape(data)).append("</td><td>").append(escape(Reports.label(runs.get(0))))
            .append("</td>");
        for (String m : metrics) {
          out.append("<td>").append(escape(Reports.cell(r.spread(data, algorithm, m), 4))).append("</td>");
        }
        out.append("<td>").append(Reports.cell(r.spread(data, algorithm, "fitSeconds"), 3)).append("</td><td>")
            .append(Reports.cell(r.spread(data, algorithm, "recommendSeconds"), 3)).append("</td></tr>\n");
      }
    }
    out.append("</table>\n");
  }

  /**
   * The charts of one dataset: the primary metric per algorithm with 95% bootstrap intervals over the pooled
   * per-user values (a bar without interval when the metric has none), its family against the cut-off, and arp@k.
   */
  private static void appendCharts(StringBuilder out, ExperimentResult r, String data, String primary) {
    int k = primary.contains("@") ? Integer.parseInt(primary.substring(primary.indexOf('@') + 1)) : r.cutoffs()[0];
    String family = primary.contains("@") ? primary.substring(0, primary.indexOf('@')) : primary;
    out.append("<h2>").append(escape(data)).append("</h2>\n");
    List<String> algorithms = new ArrayList<>();
    for (String a : r.algorithms()) {
      if (!r.runs(data, a).isEmpty()) {
        algorithms.add(a);
      }
    }
    int n = algorithms.size();
    double[] mean = new double[n];
    double[] lo = new double[n];
    double[] hi = new double[n];
    double[] arp = new double[n];
    boolean perUser = r.runs(data, algorithms.get(0)).get(0).result().perUserNames().contains(primary);
    for (int a = 0; a < n; a++) {
      double[] pooled = perUser ? r.pooled(data, algorithms.get(a), primary) : new double[0];
      if (pooled.length > 0) {
        Statistics.Interval ci = Statistics.bootstrapMean(pooled, 0.95, RESAMPLES, 0);
        mean[a] = ci.estimate();
        lo[a] = ci.lower();
        hi[a] = ci.upper();
      } else {
        mean[a] = r.spread(data, algorithms.get(a), primary).mean();
        lo[a] = mean[a];
        hi[a] = mean[a];
      }
      arp[a] = r.spread(data, algorithms.get(a), "arp@" + k).mean();
    }
    out.append(Svg.bars(primary + " with 95% bootstrap interval", algorithms, mean, lo, hi));
    if (perUser && r.allCutoffs().length > 1) {
      appendCurve(out, r, data, algorithms, family);
    }
    out.append(Svg.bars("average popularity of recommended items (arp@" + k + ", training users)", algorithms,
        arp, arp, arp));
  }

  private static void appendCurve(StringBuilder out, ExperimentResult r, String data, List<String> algorithms,
      String family) {
    int[] ks = r.allCutoffs();
    double[][] curve = new double[algorithms.size()][ks.length];
    for (int a = 0; a < algorithms.size(); a++) {
      for (int c = 0; c < ks.length; c++) {
        curve[a][c] = r.spread(data, algorithms.get(a), family + "@" + ks[c]).mean();
      }
    }
    out.append(Svg.lines(family + " against cut-off k", ks, algorithms, curve));
  }
}
