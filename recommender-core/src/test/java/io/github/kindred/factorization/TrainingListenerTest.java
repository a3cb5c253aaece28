package io.github.kindred.factorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kindred.data.Dataset;
import io.github.kindred.data.InteractionLog;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TrainingListenerTest {
  private static Dataset data() {
    SplittableRandom random = new SplittableRandom(3);
    InteractionLog.Builder log = InteractionLog.builder();
    for (int e = 0; e < 4000; e++) {
      log.add("u" + random.nextInt(200), "i" + random.nextInt(100), 1f);
    }
    return Dataset.builder(log.build()).binary(true).build();
  }

  @Test
  void implicitAlsReportsEveryIterationInOrderAndTheModelIsUnchanged() {
    Dataset data = data();
    ImplicitAlsConfig config = ImplicitAlsConfig.defaults().withFactors(8).withIterations(4).withThreads(2);
    List<String> calls = new ArrayList<>();
    ImplicitAlsModel reported = new ImplicitAlsTrainer(config)
        .withListener((done, total) -> calls.add(done + "/" + total)).fit(data);
    assertThat(calls).containsExactly("1/4", "2/4", "3/4", "4/4");
    assertThat(reported.userFactors()).isEqualTo(new ImplicitAlsTrainer(config).fit(data).userFactors());
  }

  @Test
  void bprReportsEveryEpochOnceAcrossThreadsAndTheModelIsUnchanged() {
    Dataset data = data();
    BprConfig config = BprConfig.defaults().withFactors(8).withIterations(3).withThreads(2);
    List<String> calls = new ArrayList<>();
    BprModel reported = new BprTrainer(config).withListener((done, total) -> calls.add(done + "/" + total))
        .fit(data);
    assertThat(calls).containsExactly("1/3", "2/3", "3/3");
    assertThat(reported.itemFactors()).isEqualTo(new BprTrainer(config).fit(data).itemFactors());
  }

  @Test
  void aListenerThatThrowsAbortsTheFit() {
    ImplicitAlsTrainer trainer = new ImplicitAlsTrainer(ImplicitAlsConfig.defaults().withFactors(4)
        .withIterations(3).withThreads(1)).withListener((done, total) -> {
          throw new IllegalStateException("cancelled at " + done);
        });
    assertThatThrownBy(() -> trainer.fit(data())).hasMessage("cancelled at 1");
  }
}
