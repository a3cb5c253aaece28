package io.github.kindred.eval.report;

import java.util.List;
import java.util.Locale;

/** Small inline SVG charts for the HTML report: bars with interval whiskers, and lines over cut-offs. */
final class Svg {
  private static final String[] COLOURS = {
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"
  };
  private static final int WIDTH = 640;
  private static final int LEFT = 200;
  private static final int RIGHT = 60;
  private static final int ROW = 26;
  private static final int TOP = 30;

  private Svg() {}

  /** Horizontal bars of {@code values} with whiskers from {@code lo} to {@code hi} (equal values draw none). */
  static String bars(String title, List<String> labels, double[] values, double[] lo, double[] hi) {
    double max = 0;
    for (int i = 0; i < values.length; i++) {
      max = Math.max(max, Math.max(values[i], hi[i]));
    }
    max = max <= 0 ? 1 : max * 1.1;
    int height = TOP + ROW * labels.size() + 20;
    double scale = (WIDTH - LEFT - RIGHT) / max;
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
        + "role=\"img\" aria-label=\"%s\">%n", WIDTH, height, Reports.escape(title)));
    out.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"18\" font-size=\"14\">%s</text>%n",
        Reports.escape(title)));
    for (int i = 0; i < labels.size(); i++) {
      int y = TOP + ROW * i;
      double w = values[i] * scale;
      out.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"end\">%s</text>"
          + "%n", LEFT - 6, y + 15, Reports.escape(shorten(labels.get(i)))));
      out.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"18\" fill=\"%s\">"
          + "<title>%s: %.4f</title></rect>%n", LEFT, y + 2, w, COLOURS[i % COLOURS.length],
          Reports.escape(labels.get(i)), values[i]));
      if (hi[i] > lo[i]) {
        double x1 = LEFT + lo[i] * scale;
        double x2 = LEFT + hi[i] * scale;
        out.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#000\"/>"
            + "%n", x1, y + 11, x2, y + 11));
        out.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#000\"/>"
            + "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#000\"/>%n", x1, y + 6, x1, y + 16, x2,
            y + 6, x2, y + 16));
      }
      out.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\">%.4f</text>%n",
          LEFT + Math.max(w, hi[i] * scale) + 4, y + 15, values[i]));
    }
    return out.append("</svg>\n").toString();
  }

  /** One line per series over the cut-offs {@code ks} (x on a log scale), with a legend. */
  static String lines(String title, int[] ks, List<String> series, double[][] values) {
    int height = 300;
    int plotTop = TOP;
    int plotBottom = height - 40;
    int plotLeft = 60;
    int plotRight = WIDTH - 180;
    double max = 0;
    for (double[] s : values) {
      for (double v : s) {
        max = Math.max(max, v);
      }
    }
    max = max <= 0 ? 1 : max * 1.1;
    double logMin = Math.log(ks[0]);
    double logSpan = Math.max(Math.log(ks[ks.length - 1]) - logMin, 1e-9);
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
        + "role=\"img\" aria-label=\"%s\">%n", WIDTH, height, Reports.escape(title)));
    out.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"18\" font-size=\"14\">%s</text>%n",
        Reports.escape(title)));
    out.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#000\"/>"
        + "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#000\"/>%n", plotLeft, plotBottom, plotRight,
        plotBottom, plotLeft, plotTop, plotLeft, plotBottom));
    for (int c = 0; c < ks.length; c++) {
      double x = x(ks[c], logMin, logSpan, plotLeft, plotRight);
      out.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%d"
          + "</text>%n", x, plotBottom + 15, ks[c]));
    }
    for (int t = 0; t <= 4; t++) {
      double v = max * t / 4;
      double y = plotBottom - (plotBottom - plotTop) * v / max;
      out.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\">%.3f"
          + "</text>%n", plotLeft - 4, y + 4, v));
    }
    for (int s = 0; s < series.size(); s++) {
      StringBuilder points = new StringBuilder();
      for (int c = 0; c < ks.length; c++) {
        double x = x(ks[c], logMin, logSpan, plotLeft, plotRight);
        double y = plotBottom - (plotBottom - plotTop) * values[s][c] / max;
        points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
      }
      String colour = COLOURS[s % COLOURS.length];
      out.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" "
          + "points=\"%s\"/>%n", colour, points.toString().trim()));
      out.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>"
          + "<text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text>%n", plotRight + 10, plotTop + 16 * s, colour,
          plotRight + 24, plotTop + 16 * s + 9, Reports.escape(shorten(series.get(s)))));
    }
    return out.append("</svg>\n").toString();
  }

  private static double x(int k, double logMin, double logSpan, int left, int right) {
    return left + (right - left) * (Math.log(k) - logMin) / logSpan;
  }

  private static String shorten(String label) {
    return label.length() <= 28 ? label : label.substring(0, 27) + "…";
  }
}
