package io.github.kindred;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layering of issue 18 and DESIGN.md, one way for the whole of core, read from the sources (Maven runs tests in
 * the module directory): every reference in code (imports and fully qualified names; comments are skipped, since a
 * javadoc mention is no dependency) from one package to another must point down.
 *
 * <pre>
 *   math                                   the numeric kernels
 *   data (data.io, data.synthetic)         ids, logs, matrices, features, context, readers
 *   model                                  Trainer, Model, Query and the optional abilities
 *   persist                                the file format; knows no algorithm
 *   algorithms, segment                    one package per family, each on the four below; hybrid also builds on
 *                                          content (the feature encoders), no other family on another
 *   serve (serve.*)                        the facade and its pipeline; knows models only through model
 * </pre>
 *
 * A sub-package belongs to the layer of its first name segment ({@code serve.pipeline} is {@code serve}).
 */
class LayeringTest {
  private static final Path ROOT = Path.of("src/main/java/io/github/kindred");
  private static final Pattern REFERENCE = Pattern.compile("io\\.github\\.kindred\\.(\\w+)");
  private static final Set<String> ALGORITHMS = Set.of("popularity", "knn", "factorization", "linear", "graph",
      "rating", "repeat", "session", "content", "hybrid", "context", "segment");
  private static final Set<String> BELOW_ALGORITHMS = Set.of("math", "data", "model", "persist");

  /** The packages {@code from} may refer to besides itself. */
  static Set<String> allowed(String from) {
    if (ALGORITHMS.contains(from)) {
      Set<String> s = new TreeSet<>(BELOW_ALGORITHMS);
      if (from.equals("hybrid")) {
        s.add("content");
      }
      return s;
    }
    return switch (from) {
      case "math" -> Set.of();
      case "data" -> Set.of("math");
      case "model" -> Set.of("math", "data");
      case "persist" -> Set.of("math", "data", "model");
      case "serve" -> BELOW_ALGORITHMS;
      default -> throw new AssertionError("package " + from + " has no layer: add it to LayeringTest");
    };
  }

  @Test
  void everyReferenceBetweenPackagesPointsDown() throws IOException {
    assertThat(ROOT).isDirectory();
    Map<String, List<String>> violations = new TreeMap<>();
    Set<String> seen = new TreeSet<>();
    try (Stream<Path> files = Files.walk(ROOT)) {
      for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java")).sorted()::iterator) {
        Path rel = ROOT.relativize(f);
        if (rel.getNameCount() < 2) {
          continue;
        }
        String from = rel.getName(0).toString();
        seen.add(from);
        Set<String> ok = allowed(from);
        List<String> lines = Files.readAllLines(f);
        String[] code = withoutComments(String.join("\n", lines)).split("\n", -1);
        for (int n = 0; n < code.length; n++) {
          Matcher m = REFERENCE.matcher(code[n]);
          while (m.find()) {
            String to = m.group(1);
            if (!to.equals(from) && !ok.contains(to)) {
              violations.computeIfAbsent(from + " -> " + to, k -> new ArrayList<>()).add(rel + ":" + (n + 1));
            }
          }
        }
      }
    }
    // The scan read the whole tree: every layer has sources.
    assertThat(seen).contains("math", "data", "model", "persist", "serve", "knn", "rating");
    assertThat(violations).isEmpty();
  }

  @Test
  void theScanSeesAnUpwardReferenceAndSkipsComments() {
    String source = "import io.github.kindred.context.TimeFeatures;\n"
        + "/** See {@link io.github.kindred.serve.Recommender}. */ // io.github.kindred.serve\n"
        + "class X { Object o = io.github.kindred.knn.ItemKnnTrainer.class; }";
    List<String> found = new ArrayList<>();
    Matcher m = REFERENCE.matcher(withoutComments(source));
    while (m.find()) {
      found.add(m.group(1));
    }
    assertThat(found).containsExactly("context", "knn");
    assertThat(allowed("data")).doesNotContain("context", "knn");
    assertThat(allowed("persist")).doesNotContain("context", "knn", "serve");
    assertThat(allowed("knn")).doesNotContain("serve", "content");
    assertThat(allowed("serve")).doesNotContain("knn", "factorization");
  }

  /** {@code source} with every comment replaced by spaces (newlines kept, so line numbers still match). */
  static String withoutComments(String source) {
    StringBuilder out = new StringBuilder(source.length());
    int i = 0;
    boolean inString = false;
    while (i < source.length()) {
      char c = source.charAt(i);
      char next = i + 1 < source.length() ? source.charAt(i + 1) : 0;
      if (inString) {
        out.append(c);
        if (c == '\\' && next != 0) {
          out.append(next);
          i += 2;
          continue;
        }
        inString = c != '"';
        i++;
      } else if (c == '\'') {
        // A char literal, possibly '"' or an escape: copy it whole so that its quote opens no string.
        int end = source.indexOf('\'', i + (next == '\\' ? 3 : 2));
        end = end < 0 ? source.length() : end + 1;
        out.append(source, i, end);
        i = end;
      } else if (c == '"') {
        inString = true;
        out.append(c);
        i++;
      } else if (c == '/' && next == '/') {
        while (i < source.length() && source.charAt(i) != '\n') {
          out.append(' ');
          i++;
        }
      } else if (c == '/' && next == '*') {
        int end = source.indexOf("*/", i + 2);
        end = end < 0 ? source.length() : end + 2;
        for (; i < end; i++) {
          out.append(source.charAt(i) == '\n' ? '\n' : ' ');
        }
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }
}
