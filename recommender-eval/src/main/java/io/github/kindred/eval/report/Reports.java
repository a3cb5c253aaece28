package io.github.kindred.eval.report;

import io.github.kindred.eval.experiment.Experiment;
import io.github.kindred.eval.experiment.ExperimentResult;
import io.github.kindred.eval.metric.RankingResult;
import io.github.kindred.eval.stats.Statistics;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Renders an {@link ExperimentResult} as a console table, CSV, JSON (the evaluation CLI contract, extended),
 * Markdown, or one self-contained HTML page with inline SVG charts. Every format records the library version, the
 * full configuration, the seeds and a fingerprint of each dataset. Runs over sampled negatives are labelled
 * "sampled" everywhere. Stateless and thread-safe; each method returns the whole document as a string.
 */
public final class Reports {
  /** The metrics of the evaluation CLI contract, in its order. */
  private static final String[] CONTRACT = {"ndcg", "recall", "precision", "map", "mrr", "hit", "coverage"};

  private Reports() {}

  /** The contract metrics ({@code ndcg@k, recall@k, precision@k, map@k, mrr@k, hit@k, coverage@k}) per cut-off. */
  public static List<String> contractMetrics(int... cutoffs) {
    List<String> out = new ArrayList<>();
    for (int k : cutoffs) {
      for (String m : CONTRACT) {
        out.add(m + "@" + k);
      }
    }
    return out;
  }

  /**
   * A fixed-width table: one row per dataset and algorithm, each metric the mean over seeds (with {@code ± sd}
   * when there are several), then training and recommendation seconds.
   */
  public static String table(ExperimentResult r, List<String> metrics) {
    List<String> header = new ArrayList<>();
    boolean manyData = r.datasets().size() > 1;
    if (manyData) {
      header.add("dataset");
    }
    header.add("algorithm");
    header.addAll(metrics);
    header.add("fit s");
    header.add("recommend s");
    List<List<String>> rows = new ArrayList<>();
    for (String data : r.datasets()) {
      for (String algorithm : r.algorithms()) {
        List<ExperimentResult.Run> runs = r.runs(data, algorithm);
        if (runs.isEmpty()) {
          continue;
        }
        List<String> row = new ArrayList<>();
        if (manyData) {
          row.add(data);
        }
        row.add(label(runs.get(0)));
        for (String m : metrics) {
          row.add(cell(r.spread(data, algorithm, m), 4));
        }
        row.add(cell(r.spread(data, algorithm, "fitSeconds"), 3));
        row.add(cell(r.spread(data, algorithm, "recommendSeconds"), 3));
        rows.add(row);
      }
    }
    int[] width = widths(header, rows);
    StringBuilder out = new StringBuilder();
    appendRow(out, header, width, manyData ? 2 : 1);
    for (List<String> row : rows) {
      appendRow(out, row, width, manyData ? 2 : 1);
    }
    Set<String> protocols = new LinkedHashSet<>();
    for (ExperimentResult.Run run : r.runs()) {
      protocols.add(run.result().protocol());
    }
    out.append("protocol: ").append(String.join("; ", protocols));
    if (r.seeds().length > 1) {
      out.append("; mean ± sd over seeds ").append(Arrays.toString(r.seeds()));
    }
    out.append('\n');
    appendContextSections(out, r, metrics);
    return out.toString();
  }

  /**
   * For every run evaluated per (user, context) group, a table of the per-user metrics by context value: one row
   * per {@code feature=value} with the number of groups having it.
   */
  private static void appendContextSections(StringBuilder out, ExperimentResult r, List<String> metrics) {
    for (ExperimentResult.Run run : r.runs()) {
      RankingResult res = run.result();
      if (res.contextLabels().isEmpty()) {
        continue;
      }
      List<String> shown = new ArrayList<>();
      for (String m : metrics) {
        if (res.hasPerUser(m)) {
          shown.add(m);
        }
      }
      List<String> header = new ArrayList<>(List.of("context"));
      header.addAll(shown);
      header.add("groups");
      List<List<String>> rows = new ArrayList<>();
      for (String label : res.contextLabels()) {
        List<String> row = new ArrayList<>(List.of(label));
        for (String m : shown) {
          row.add(String.format(Locale.ROOT, "%.4f", res.byContext(label, m)));
        }
        row.add(Integer.toString(res.contextCount(label)));
        rows.add(row);
      }
      int[] width = widths(header, rows);
      out.append('\n').append("by context: ").append(label(run)).append(" on ").append(run.data())
          .append(run.seeded() ? " (seed " + run.seed() + ")" : "").append(", ").append(res.userCount())
          .append(" (user, context) groups\n");
      appendRow(out, header, width, 1);
      for (List<String> row : rows) {
        appendRow(out, row, width, 1);
      }
    }
  }

  /** The width of each column: its longest cell, header included. */
  private static int[] widths(List<String> header, List<List<String>> rows) {
    int[] width = new int[header.size()];
    for (int c = 0; c < width.length; c++) {
      width[c] = header.get(c).length();
      for (List<String> row : rows) {
        width[c] = Math.max(width[c], row.get(c).length());
      }
    }
    return width;
  }

  private static void appendRow(StringBuilder out, List<String> cells, int[] width, int leftAligned) {
    for (int c = 0; c < cells.size(); c++) {
      if (c > 0) {
        out.append("  ");
      }
      String pad = " ".repeat(width[c] - cells.get(c).length());
      out.append(c < leftAligned ? cells.get(c) + pad : pad + cells.get(c));
    }
    out.append('\n');
  }

  static String cell(Statistics.Spread s, int decimals) {
    String mean = String.format(Locale.ROOT, "%." + decimals + "f", s.mean());
    return s.n() > 1 ? mean + " ± " + String.format(Locale.ROOT, "%." + decimals + "f", s.sd()) : mean;
  }

  static String label(ExperimentResult.Run run) {
    return run.result().sampled() ? run.algorithm() + " [sampled]" : run.algorithm();
  }

  /**
   * CSV with one line per run: dataset, algorithm, configuration, seed, protocol, users, the metrics, fit and
   * recommend seconds, the library version and the data fingerprint. Fields are quoted where needed (RFC 4180).
   */
  public static String csv(ExperimentResult r, List<String> metrics) {
    List<String> header = new ArrayList<>(List.of("dataset", "algorithm", "configuration", "seed", "protocol",
        "users"));
    header.addAll(metrics);
    header.addAll(List.of("fitSeconds", "recommendSeconds", "version", "fingerprint"));
    StringBuilder out = new StringBuilder();
    out.append(csvLine(header));
    for (ExperimentResult.Run run : r.runs()) {
      List<String> row = new ArrayList<>(List.of(run.data(), run.algorithm(), run.configuration(),
          run.seeded() ? Long.toString(run.seed()) : "", run.result().protocol(),
          Integer.toString(run.result().userCount())));
      for (String m : metrics) {
        row.add(Double.toString(run.result().mean(m)));
      }
      row.add(Double.toString(run.fitSeconds()));
      row.add(Double.toString(run.result().seconds()));
      row.add(r.version());
      row.add(r.fingerprint(run.data()));
      out.append(csvLine(row));
    }
    return out.toString();
  }

  private static String csvLine(List<String> cells) {
    StringBuilder out = new StringBuilder();
    for (int c = 0; c < cells.size(); c++) {
      if (c > 0) {
        out.append(',');
      }
      String v = cells.get(c);
      if (v.contains(",") || v.contains("\"") || v.contains("\n")) {
        out.append('"').append(v.replace("\"", "\"\"")).append('"');
      } else {
        out.append(v);
      }
    }
    return out.append('\n').toString();
  }

  /**
   * JSON of the evaluation CLI contract, {@code {"results": [{"algorithm", "metrics", "fitSeconds",
   * "recommendSeconds"}, ...]}}, one result per run, each extended with its dataset, seed, configuration, protocol
   * and user count; the metrics hold the requested ones first, then every other metric at the reported
   * cut-offs. Top-level {@code "provenance"} records version, configuration, seeds and fingerprints, and
   * {@code "summary"} the mean and spread over seeds.
   */
  public static String json(ExperimentResult r, List<String> metrics) {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    ArrayNode results = root.putArray("results");
    for (ExperimentResult.Run run : r.runs()) {
      ObjectNode o = results.addObject();
      o.put("algorithm", run.algorithm());
      ObjectNode m = o.putObject("metrics");
      for (String name : reportedMetrics(r, run, metrics)) {
        m.put(name, run.result().mean(name));
      }
      o.put("fitSeconds", run.fitSeconds());
      o.put("recommendSeconds", run.result().seconds());
      o.put("dataset", run.data());
      if (run.seeded()) {
        o.put("seed", run.seed());
      }
      o.put("configuration", run.configuration());
      o.put("protocol", run.result().protocol());
      o.put("sampled", run.result().sampled());
      o.put("users", run.result().userCount());
      RankingResult res = run.result();
      if (!res.contextLabels().isEmpty()) {
        ObjectNode by = o.putObject("byContext");
        for (String label : res.contextLabels()) {
          ObjectNode c = by.putObject(label);
          for (String name : metrics) {
            if (res.hasPerUser(name)) {
              c.put(name, res.byContext(label, name));
            }
          }
          c.put("groups", res.contextCount(label));
        }
      }
    }
    ArrayNode summary = root.putArray("summary");
    for (String data : r.datasets()) {
      for (String algorithm : r.algorithms()) {
        if (r.runs(data, algorithm).isEmpty()) {
          continue;
        }
        ObjectNode s = summary.addObject();
        s.put("dataset", data);
        s.put("algorithm", algorithm);
        s.put("runs", r.runs(data, algorithm).size());
        ObjectNode mean = s.putObject("mean");
        ObjectNode sd = s.putObject("sd");
        for (String name : metrics) {
          Statistics.Spread spread = r.spread(data, algorithm, name);
          mean.put(name, spread.mean());
          sd.put(name, spread.sd());
        }
      }
    }
    ObjectNode provenance = root.putObject("provenance");
    provenance.put("library", "kindred");
    provenance.put("version", r.version());
    ObjectNode config = provenance.putObject("configuration");
    for (String key : r.configurationKeys()) {
      config.put(key, r.configuration(key));
    }
    ArrayNode seeds = provenance.putArray("seeds");
    for (long seed : r.seeds()) {
      seeds.add(seed);
    }
    ObjectNode prints = provenance.putObject("fingerprints");
    for (String data : r.datasets()) {
      prints.put(data, r.fingerprint(data));
    }
    try {
      return mapper.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The requested metrics, then every other per-user mean and aggregate of the run at the reported cut-offs. */
  private static List<String> reportedMetrics(ExperimentResult r, ExperimentResult.Run run, List<String> metrics) {
    LinkedHashSet<String> names = new LinkedHashSet<>(metrics);
    for (String name : run.result().summary().keySet()) {
      int at = name.indexOf('@');
      if (at < 0) {
        names.add(name);
        continue;
      }
      int k = Integer.parseInt(name.substring(at + 1));
      if (Arrays.stream(r.cutoffs()).anyMatch(c -> c == k)) {
        names.add(name);
      }
    }
    return new ArrayList<>(names);
  }

  /** Markdown: provenance as a list, then a table of means (± sd over seeds) per dataset and algorithm. */
  public static String markdown(ExperimentResult r, List<String> metrics) {
    StringBuilder out = new StringBuilder("# Kindred evaluation\n\n");
    appendProvenance(out, r, "- ", "\n", Reports::escapeMarkdown);
    out.append('\n');
    List<String> header = new ArrayList<>(List.of("dataset", "algorithm"));
    header.addAll(metrics);
    header.addAll(List.of("fit s", "recommend s"));
    out.append("| ").append(String.join(" | ", header)).append(" |\n|");
    out.append(" --- |".repeat(2)).append(" ---: |".repeat(header.size() - 2)).append('\n');
    for (String data : r.datasets()) {
      for (String algorithm : r.algorithms()) {
        List<ExperimentResult.Run> runs = r.runs(data, algorithm);
        if (runs.isEmpty()) {
          continue;
        }
        List<String> row = new ArrayList<>(List.of(escapeMarkdown(data), escapeMarkdown(label(runs.get(0)))));
        for (String m : metrics) {
          row.add(cell(r.spread(data, algorithm, m), 4));
        }
        row.add(cell(r.spread(data, algorithm, "fitSeconds"), 3));
        row.add(cell(r.spread(data, algorithm, "recommendSeconds"), 3));
        out.append("| ").append(String.join(" | ", row)).append(" |\n");
      }
    }
    return out.toString();
  }

  private static String escapeMarkdown(String s) {
    return s.replace("|", "\\|");
  }

  static void appendProvenance(StringBuilder out, ExperimentResult r, String prefix, String end,
      UnaryOperator<String> escaper) {
    out.append(prefix).append(escaper.apply("library: kindred " + r.version())).append(end);
    for (String key : r.configurationKeys()) {
      out.append(prefix).append(escaper.apply(key + ": " + r.configuration(key))).append(end);
    }
    out.append(prefix).append(escaper.apply("seeds: " + Arrays.toString(r.seeds()))).append(end);
    for (String data : r.datasets()) {
      out.append(prefix).append(escaper.apply("fingerprint of " + data + ": " + r.fingerprint(data))).append(end);
    }
  }

  /**
   * One self-contained HTML page (no scripts, no external resources): provenance, the table, and per dataset three
   * inline SVG charts: the first metric per algorithm with 95% bootstrap confidence intervals over per-user values,
   * the first metric's family against the cut-off (when more than one cut-off was evaluated, see
   * {@link Experiment.Builder#curves(boolean)}), and the average popularity of the recommended items per algorithm
   * (popularity bias).
   */
  public static String html(ExperimentResult r, List<String> metrics) {
    return HtmlReport.page(r, metrics);
  }

  /** Escapes text for HTML. */
  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
