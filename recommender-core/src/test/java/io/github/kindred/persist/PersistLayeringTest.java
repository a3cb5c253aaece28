package io.github.kindred.persist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layering of issue 18: persist is the file-format framework and knows no algorithm. Its sources may refer to
 * {@code data}, {@code model}, {@code math} and itself only; each codec lives beside its model and is found
 * through {@link java.util.ServiceLoader}. Reads the module's own sources (Maven runs tests in the module
 * directory).
 */
class PersistLayeringTest {
  private static final Path SOURCES = Path.of("src/main/java/io/github/kindred/persist");
  private static final Pattern REFERENCE = Pattern.compile("io\\.github\\.kindred\\.(\\w+)");
  private static final List<String> ALLOWED = List.of("persist", "data", "model", "math");

  @Test
  void persistRefersToNoAlgorithmOrServingPackage() throws IOException {
    assertThat(SOURCES).isDirectory();
    List<String> violations = new ArrayList<>();
    try (Stream<Path> files = Files.list(SOURCES)) {
      for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
        List<String> lines = Files.readAllLines(f);
        for (int n = 0; n < lines.size(); n++) {
          Matcher m = REFERENCE.matcher(lines.get(n));
          while (m.find()) {
            if (!ALLOWED.contains(m.group(1))) {
              violations.add(f.getFileName() + ":" + (n + 1) + " " + m.group());
            }
          }
        }
      }
    }
    assertThat(violations).isEmpty();
  }

  @Test
  void theScanSeesAReferenceWhenThereIsOne() {
    Matcher m = REFERENCE.matcher("import io.github.kindred.context.FactorizationMachineModel;");
    assertThat(m.find()).isTrue();
    assertThat(ALLOWED).doesNotContain(m.group(1));
  }
}
