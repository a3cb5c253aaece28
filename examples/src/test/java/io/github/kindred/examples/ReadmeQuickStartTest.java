package io.github.kindred.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The README's quick start is the marked region of {@link QuickStart}, which {@link QuickStartTest} compiles and
 * runs; this test keeps the two in sync.
 */
class ReadmeQuickStartTest {
  @Test
  void readmeQuickStartIsTheCompiledRegionOfQuickStart() throws IOException {
    List<String> source = Files.readAllLines(
        Path.of("src/main/java/io/github/kindred/examples/QuickStart.java"), StandardCharsets.UTF_8);
    int start = indexOfMarker(source, "// README-START");
    int end = indexOfMarker(source, "// README-END");
    String indent = source.get(start).substring(0, source.get(start).indexOf("//"));
    String region = source.subList(start + 1, end).stream()
        .map(line -> line.startsWith(indent) ? line.substring(indent.length()) : line.strip())
        .collect(Collectors.joining("\n"));

    String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
    int section = readme.indexOf("## Quick start");
    assertThat(section).as("README has a Quick start section").isNotNegative();
    int open = readme.indexOf("```java\n", section) + "```java\n".length();
    int close = readme.indexOf("\n```", open);
    assertThat(readme.substring(open, close)).isEqualTo(region);
  }

  private static int indexOfMarker(List<String> lines, String marker) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).strip().equals(marker)) {
        return i;
      }
    }
    throw new AssertionError("QuickStart.java lacks the marker " + marker);
  }
}
