package io.github.kindred.eval.split;

import io.github.kindred.eval.experiment.Fingerprint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kindred.data.InteractionLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SplitFilesTest {
  @TempDir
  Path dir;

  private static InteractionLog log() {
    InteractionLog.Builder b = InteractionLog.builder();
    for (int u = 0; u < 12; u++) {
      for (int i = 0; i < 6; i++) {
        if ((u + i) % 3 != 0) {
          b.add("user" + u, "item" + i, 0.5f + i, 100L * u + i);
        }
      }
    }
    return b.build();
  }

  private static void assertSameLog(InteractionLog a, InteractionLog b) {
    assertThat(b.users()).isEqualTo(a.users());
    assertThat(b.items()).isEqualTo(a.items());
    assertThat(b.size()).isEqualTo(a.size());
    for (int i = 0; i < a.size(); i++) {
      assertThat(b.user(i)).isEqualTo(a.user(i));
      assertThat(b.item(i)).isEqualTo(a.item(i));
      assertThat(b.value(i)).isEqualTo(a.value(i));
      assertThat(b.timestamp(i)).isEqualTo(a.timestamp(i));
    }
  }

  @Test
  void aColdItemSplitRoundTripsWithItsCatalogue() {
    Split s = new ColdStart(ColdStart.Target.ITEMS, 0.34, 2).split(log());
    SplitFiles.write(s, dir);
    Split back = SplitFiles.read(dir);
    assertSameLog(s.train(), back.train());
    assertSameLog(s.test(), back.test());
    assertThat(ColdStart.itemsWithoutEvents(back)).containsExactly(ColdStart.itemsWithoutEvents(s));
    assertThat(Fingerprint.of(back.train())).isEqualTo(Fingerprint.of(s.train()));
  }

  @Test
  void aStrongGeneralisationSplitRoundTripsItsFoldIn() {
    Split s = new StrongGeneralization(0.25, 0.5, 4).split(log());
    SplitFiles.write(s, dir);
    Split back = SplitFiles.read(dir);
    assertSameLog(s.foldIn(), back.foldIn());
    assertSameLog(s.test(), back.test());
  }

  @Test
  void fingerprintChangesWithTheData() {
    InteractionLog a = InteractionLog.builder().add("u", "i", 1f, 5).build();
    InteractionLog b = InteractionLog.builder().add("u", "i", 2f, 5).build();
    assertThat(Fingerprint.of(a)).startsWith("sha256:").hasSize(7 + 16)
        .isEqualTo(Fingerprint.of(InteractionLog.builder().add("u", "i", 1f, 5).build()))
        .isNotEqualTo(Fingerprint.of(b));
  }

  @Test
  void malformedFilesNameFileAndLine() throws IOException {
    Path file = dir.resolve("bad.tsv");
    Files.writeString(file, "u\ti\t1\t2\nu i 1 2 3\n");
    assertThatThrownBy(() -> SplitFiles.readTsv(file, InteractionLog.builder()))
        .hasMessage(file + ":2: expected 2 to 4 fields (user item [rating [timestamp]]), got 5");
    InteractionLog spaced = InteractionLog.builder().add("a user", "i", 1f).build();
    assertThatThrownBy(() -> SplitFiles.writeTsv(spaced, dir.resolve("x.tsv"))).hasMessageContaining("whitespace");
  }
}
