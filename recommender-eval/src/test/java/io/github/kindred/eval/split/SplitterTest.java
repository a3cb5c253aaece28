package io.github.kindred.eval.split;

import io.github.kindred.eval.experiment.Splitters;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kindred.data.InteractionLog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SplitterTest {
  /**
   * 40 users, 30 items; user u has 3 + u % 8 distinct items, each event at time 1000 * u + 7 * k, and every fifth
   * pair is repeated later (a duplicate event), so that pair-level splitting is exercised.
   */
  private static InteractionLog log() {
    InteractionLog.Builder b = InteractionLog.builder();
    SplittableRandom random = new SplittableRandom(1);
    for (int u = 0; u < 40; u++) {
      int n = 3 + u % 8;
      Set<Integer> items = new HashSet<>();
      int k = 0;
      while (items.size() < n) {
        int item = random.nextInt(30);
        if (items.add(item)) {
          b.add("u" + u, "i" + item, 1 + item % 5, 1000L * (u % 10) + 7L * k++);
          if (items.size() % 5 == 0) {
            b.add("u" + u, "i" + item, 2, 1000L * (u % 10) + 7L * k++);
          }
        }
      }
    }
    return b.build();
  }

  private static Set<String> pairs(InteractionLog log) {
    Set<String> out = new HashSet<>();
    for (int i = 0; i < log.size(); i++) {
      out.add(log.users().idOf(log.user(i)) + "|" + log.items().idOf(log.item(i)));
    }
    return out;
  }

  private static Set<String> users(InteractionLog log) {
    Set<String> out = new HashSet<>();
    for (int i = 0; i < log.size(); i++) {
      out.add(log.users().idOf(log.user(i)));
    }
    return out;
  }

  private static void assertNoLeak(Split s, InteractionLog log) {
    Set<String> train = pairs(s.train());
    for (String p : pairs(s.test())) {
      assertThat(train).as("test pair in training").doesNotContain(p);
    }
    for (String p : pairs(s.foldIn())) {
      assertThat(train).as("fold-in pair in training").doesNotContain(p);
    }
    Set<String> union = new HashSet<>(train);
    union.addAll(pairs(s.test()));
    union.addAll(pairs(s.foldIn()));
    assertThat(union).isSubsetOf(pairs(log));
  }

  private static List<Splitter> all() {
    return List.of(new RandomHoldout(0.2, 3), UserHoldout.ratio(0.2, UserHoldout.Order.RANDOM, 3),
        UserHoldout.leaveOut(2, UserHoldout.Order.RECENT, 3), TemporalSplit.ratio(0.3),
        new StrongGeneralization(0.25, 0.5, 3), new KFold(4, 1, 3), new ColdStart(ColdStart.Target.ITEMS, 0.2, 3),
        new ColdStart(ColdStart.Target.USERS, 0.2, 3));
  }

  @Test
  void noSplitterLeaksATestPairIntoTraining() {
    InteractionLog log = log();
    for (Splitter s : all()) {
      Split split = s.split(log);
      assertNoLeak(split, log);
      assertThat(split.test().size()).as(s.toString()).isPositive();
    }
  }

  @Test
  void sameSeedSameSplitOtherSeedOtherSplit() {
    InteractionLog log = log();
    assertThat(pairs(new RandomHoldout(0.2, 5).split(log).test()))
        .isEqualTo(pairs(new RandomHoldout(0.2, 5).split(log).test()))
        .isNotEqualTo(pairs(new RandomHoldout(0.2, 6).split(log).test()));
    assertThat(pairs(new StrongGeneralization(0.2, 0.5, 5).split(log).foldIn()))
        .isEqualTo(pairs(new StrongGeneralization(0.2, 0.5, 5).split(log).foldIn()));
  }

  @Test
  void randomHoldoutTestsTheRoundedShareOfPairsAndKeepsDuplicatesTogether() {
    InteractionLog log = log();
    int total = pairs(log).size();
    Split s = new RandomHoldout(0.2, 9).split(log);
    assertThat(pairs(s.test())).hasSize((int) Math.round(total * 0.2));
    assertThat(s.train().size() + s.test().size()).isEqualTo(log.size());
  }

  @Test
  void perUserRatioHoldsOutTheRoundedShareOfEachUserAndKeepsOneInTraining() {
    InteractionLog log = log();
    Split s = UserHoldout.ratio(0.5, UserHoldout.Order.RANDOM, 2).split(log);
    Map<String, Integer> total = new HashMap<>();
    Map<String, Integer> tested = new HashMap<>();
    for (String p : pairs(log)) {
      total.merge(p.split("\\|")[0], 1, Integer::sum);
    }
    for (String p : pairs(s.test())) {
      tested.merge(p.split("\\|")[0], 1, Integer::sum);
    }
    for (Map.Entry<String, Integer> e : total.entrySet()) {
      int n = e.getValue();
      assertThat(tested.getOrDefault(e.getKey(), 0)).as(e.getKey()).isEqualTo(Math.min(Math.round(n * 0.5f), n - 1));
    }
    // Users and items of training keep their indexes in the test log.
    for (int i = 0; i < s.train().users().size(); i++) {
      assertThat(s.test().users().idOf(i)).isEqualTo(s.train().users().idOf(i));
    }
  }

  @Test
  void leaveOneOutMostRecentHoldsOutEachUsersLatestPair() {
    InteractionLog log = log();
    Split s = UserHoldout.leaveOut(1, UserHoldout.Order.RECENT, 0).split(log);
    Map<String, Long> latestTrain = new HashMap<>();
    for (int i = 0; i < s.train().size(); i++) {
      latestTrain.merge(s.train().users().idOf(s.train().user(i)), s.train().timestamp(i), Math::max);
    }
    Set<String> testedUsers = new HashSet<>();
    for (int i = 0; i < s.test().size(); i++) {
      String user = s.test().users().idOf(s.test().user(i));
      testedUsers.add(user);
      assertThat(s.test().timestamp(i)).isGreaterThan(latestTrain.get(user));
    }
    assertThat(testedUsers).hasSize(40);
    assertThat(pairs(s.test())).hasSize(40);
  }

  @Test
  void temporalSplitRespectsTime() {
    InteractionLog log = log();
    TemporalSplit t = TemporalSplit.ratio(0.3);
    long cutoff = t.cutoffFor(log);
    Split s = t.split(log);
    for (int i = 0; i < s.train().size(); i++) {
      assertThat(s.train().timestamp(i)).isLessThan(cutoff);
    }
    for (int i = 0; i < s.test().size(); i++) {
      assertThat(s.test().timestamp(i)).isGreaterThanOrEqualTo(cutoff);
    }
    assertThat(TemporalSplit.at(cutoff).split(log).test().size()).isEqualTo(s.test().size());
    InteractionLog untimed = InteractionLog.builder().add("u", "i", 1f).build();
    assertThatThrownBy(() -> t.split(untimed)).hasMessageContaining("needs a timestamp");
  }

  @Test
  void strongGeneralisationUsersAreAbsentFromTraining() {
    InteractionLog log = log();
    Split s = new StrongGeneralization(0.25, 0.5, 4).split(log);
    Set<String> trainUsers = users(s.train());
    Set<String> heldOut = users(s.test());
    assertThat(heldOut).hasSize(10);
    for (String u : heldOut) {
      assertThat(trainUsers).doesNotContain(u);
    }
    assertThat(users(s.foldIn())).isSubsetOf(heldOut).hasSize(10);
    // A held-out user has one index in the test and fold-in logs.
    for (int i = 0; i < s.test().users().size(); i++) {
      assertThat(s.foldIn().users().idOf(i)).isEqualTo(s.test().users().idOf(i));
    }
    assertThat(s.train().size() + s.test().size() + s.foldIn().size()).isEqualTo(log.size());
  }

  @Test
  void kFoldTestsEveryPairExactlyOnce() {
    InteractionLog log = log();
    List<Split> folds = KFold.all(log, 4, 8);
    List<String> tested = new ArrayList<>();
    for (Split s : folds) {
      tested.addAll(pairs(s.test()));
    }
    assertThat(tested).hasSize(pairs(log).size()).doesNotHaveDuplicates();
    assertThatThrownBy(() -> new KFold(4, 4, 0)).hasMessage("fold must be in [0, 4), got 4");
  }

  @Test
  void coldItemsHaveNoTrainingEventsButStayInTheCatalogue() {
    InteractionLog log = log();
    Split s = new ColdStart(ColdStart.Target.ITEMS, 0.2, 1).split(log);
    int[] cold = ColdStart.itemsWithoutEvents(s);
    Set<String> coldIds = new HashSet<>();
    for (int i : cold) {
      coldIds.add(s.train().items().idOf(i));
    }
    assertThat(s.train().items().size()).isEqualTo(log.items().size());
    for (int i = 0; i < s.test().size(); i++) {
      assertThat(coldIds).contains(s.test().items().idOf(s.test().item(i)));
    }
    assertThat(cold.length).isLessThanOrEqualTo(6);
    Split users = new ColdStart(ColdStart.Target.USERS, 0.2, 1).split(log);
    Set<String> trainUsers = users(users.train());
    for (String u : users(users.test())) {
      assertThat(trainUsers).doesNotContain(u);
    }
    assertThat(users(users.test())).hasSize(8);
  }

  @Test
  void configurationIsValidated() {
    assertThatThrownBy(() -> new RandomHoldout(1.0, 0)).hasMessage("testRatio must be in (0, 1), got 1.0");
    assertThatThrownBy(() -> UserHoldout.leaveOut(0, UserHoldout.Order.RANDOM, 0))
        .hasMessage("leaveOut must be >= 1, got 0");
    assertThatThrownBy(() -> new UserHoldout(0.2, 1, UserHoldout.Order.RANDOM, 0))
        .hasMessageContaining("either testRatio");
    assertThatThrownBy(() -> new TemporalSplit(Long.MIN_VALUE, 0)).hasMessageContaining("cut-off time");
    assertThatThrownBy(() -> new StrongGeneralization(0.2, 0, 0)).hasMessage("foldInRatio must be in (0, 1), got 0.0");
  }

  @Test
  void specificationsBuildSplitters() {
    assertThat(Splitters.create("user-ratio:ratio=0.3,order=recent", 7))
        .isEqualTo(UserHoldout.ratio(0.3, UserHoldout.Order.RECENT, 7));
    assertThat(Splitters.create("temporal:time=500", 7)).isEqualTo(TemporalSplit.at(500));
    assertThat(Splitters.create("temporal", 7)).isEqualTo(TemporalSplit.ratio(0.2));
    assertThat(Splitters.create("cold-items", 1)).isEqualTo(new ColdStart(ColdStart.Target.ITEMS, 0.2, 1));
    assertThat(Splitters.create("kfold:folds=3,fold=2", 1)).isEqualTo(new KFold(3, 2, 1));
    assertThatThrownBy(() -> Splitters.create("holdout", 1))
        .hasMessage("unknown split 'holdout'; valid: random, user-ratio, user-leave-out, temporal, strong, kfold, "
            + "cold-items, cold-users");
    assertThatThrownBy(() -> Splitters.create("random:ratio=2", 1))
        .hasMessage("random: testRatio must be in (0, 1), got 2.0");
  }
}
