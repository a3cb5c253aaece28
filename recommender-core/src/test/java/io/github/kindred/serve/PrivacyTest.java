package io.github.kindred.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kindred.data.Dataset;
import io.github.kindred.data.InteractionLog;
import io.github.kindred.data.Pseudonymizer;
import io.github.kindred.data.io.DelimitedFormat;
import io.github.kindred.data.io.DelimitedReader;
import io.github.kindred.knn.ItemKnnConfig;
import io.github.kindred.knn.ItemKnnModel;
import io.github.kindred.knn.ItemKnnTrainer;
import io.github.kindred.knn.Similarity;
import io.github.kindred.popularity.PopularityTrainer;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Erasure and pseudonymisation: a deleted user leaves the log, the serving engine and the next model; pseudonyms
 * are keyed, deterministic and never contain the raw id.
 */
class PrivacyTest {
  private static final ItemKnnTrainer KNN = new ItemKnnTrainer(new ItemKnnConfig(10, Similarity.COSINE, 0f, 1));

  /** alice: i0 i1 i2; bob: i1 i2 i3; carol: i0 i3 (with a context and a second event type for alice). */
  private static InteractionLog log() {
    return InteractionLog.builder()
        .add("alice", "i0", 1f, 10)
        .add("bob", "i1", 1f, 11)
        .add("alice", "i1", 2f, 12)
        .add("carol", "i0", 1f, 13)
        .add("bob", "i2", 1f, 14)
        .add("alice", "i2", 1f, 15)
        .add("carol", "i3", 1f, 16)
        .add("bob", "i3", 3f, 17)
        .build();
  }

  @Test
  void withoutUserDropsTheEventsAndTheIdAndKeepsEverythingElse() {
    InteractionLog log = log();
    InteractionLog rest = log.withoutUser("alice");
    assertThat(rest.size()).isEqualTo(5);
    assertThat(rest.users().ids()).containsExactly("bob", "carol");
    assertThat(rest.users().contains("alice")).isFalse();
    assertThat(rest.items()).isEqualTo(log.items());
    // The remaining events, in log order, with their values and times: bob i1, carol i0, bob i2, carol i3, bob i3.
    String[] expected = {"bob i1 1.0 11", "carol i0 1.0 13", "bob i2 1.0 14", "carol i3 1.0 16", "bob i3 3.0 17"};
    for (int k = 0; k < rest.size(); k++) {
      String row = rest.users().idOf(rest.user(k)) + " " + rest.items().idOf(rest.item(k)) + " " + rest.value(k)
          + " " + rest.timestamp(k);
      assertThat(row).isEqualTo(expected[k]);
    }
    // The original is unchanged, and removing an unknown user is a no-op.
    assertThat(log.size()).isEqualTo(8);
    assertThat(log.users().ids()).containsExactly("alice", "bob", "carol");
    assertThat(rest.withoutUser("alice")).isSameAs(rest);
    assertThatThrownBy(() -> log.withoutUser(null)).hasMessageContaining("userId");
    // Removing the last user in index order leaves the others' indexes alone.
    InteractionLog noCarol = log.withoutUser("carol");
    assertThat(noCarol.users().ids()).containsExactly("alice", "bob");
    assertThat(noCarol.size()).isEqualTo(6);
  }

  @Test
  void theNextRetrainDoesNotKnowTheDeletedUser() {
    InteractionLog rest = log().withoutUser("bob");
    Dataset data = Dataset.of(rest);
    ItemKnnModel knn = KNN.fit(data);
    assertThat(knn.users().contains("bob")).isFalse();
    assertThat(knn.users().size()).isEqualTo(2);
    assertThat(new PopularityTrainer().fit(data).users().contains("bob")).isFalse();
    // Only alice and carol count now: i3 was bought by carol alone, i1 by alice alone.
    assertThat(data.matrix().columnSize(data.items().indexOf("i3"))).isEqualTo(1);
    assertThat(data.matrix().columnSize(data.items().indexOf("i1"))).isEqualTo(1);
    Recommender r = Recommender.builder(knn, data).build();
    assertThat(r.history("bob")).isEmpty();
    assertThat(r.popularity("i3")).isEqualTo(1);
  }

  @Test
  void deleteUserRemovesHistoryCacheJournalAndPopularity() {
    Dataset data = Dataset.of(log());
    Recommender r = Recommender.builder(KNN.fit(data), data).build();
    r.ingest("alice", "i3", 1f, 20);
    assertThat(r.history("alice")).containsExactly("i0", "i1", "i2", "i3");
    assertThat(r.popularity("i3")).isEqualTo(3);
    Recommendations before = r.recommend(Request.forUser("alice").count(4).excludeSeen(false).build());
    assertThat(before.size()).isEqualTo(4);
    assertThat(r.stats().pendingEvents()).isEqualTo(1);

    assertThat(r.deleteUser("alice")).isTrue();
    assertThat(r.history("alice")).isEmpty();
    // Popularity counts distinct users: alice counted for i0, i1, i2 and (online) i3.
    assertThat(r.popularity("i0")).isEqualTo(1);
    assertThat(r.popularity("i1")).isEqualTo(1);
    assertThat(r.popularity("i2")).isEqualTo(1);
    assertThat(r.popularity("i3")).isEqualTo(2);
    assertThat(r.stats().pendingEvents()).isZero();
    // The cached answer is gone: alice is now served as someone with no history (not from her old rows).
    Recommendations after = r.recommend(Request.forUser("alice").count(4).build());
    assertThat(after.itemIds()).doesNotContainSequence(before.itemIds());
    assertThat(r.deleteUser("alice")).isFalse();
    assertThat(r.deleteUser("nobody")).isFalse();
  }

  @Test
  void aDeletedUserStaysHiddenAfterASwapOnStaleDataAndIsGoneAfterASwapOnErasedData() {
    InteractionLog full = log();
    Dataset data = Dataset.of(full);
    Recommender r = Recommender.builder(KNN.fit(data), data).build();
    r.deleteUser("bob");
    // A retrain that still used the old data must not bring bob back.
    r.swap(KNN.fit(data), data);
    assertThat(r.history("bob")).isEmpty();
    assertThat(r.popularity("i3")).isEqualTo(1);
    // The proper retrain on the erased log: bob is unknown to the model and to the serving state.
    Dataset erased = Dataset.of(full.withoutUser("bob"));
    r.swap(KNN.fit(erased), erased);
    assertThat(r.model().users().contains("bob")).isFalse();
    assertThat(r.history("bob")).isEmpty();
    assertThat(r.popularity("i3")).isEqualTo(1);
    assertThat(r.popularity("i1")).isEqualTo(1);
  }

  @Test
  void eventsAfterADeletionStartANewHistory() {
    Dataset data = Dataset.of(log());
    Recommender r = Recommender.builder(KNN.fit(data), data).build();
    r.deleteUser("carol");
    r.ingest("carol", "i2", 1f, 30);
    assertThat(r.history("carol")).containsExactly("i2");
    assertThat(r.popularity("i2")).isEqualTo(3);
    assertThat(r.popularity("i0")).isEqualTo(1);
  }

  @Test
  void aUserWhoReturnsAfterDeletionKeepsTheNewHistoryAcrossARetrain() {
    InteractionLog full = log();
    Dataset data = Dataset.of(full);
    Recommender r = Recommender.builder(KNN.fit(data), data).build();
    r.deleteUser("carol");
    r.ingest("carol", "i2", 1f, 30);
    // The retrain uses the erased log plus the event carol made after coming back.
    InteractionLog.Builder b = InteractionLog.builder();
    InteractionLog erased = full.withoutUser("carol");
    for (int k = 0; k < erased.size(); k++) {
      b.add(erased.users().idOf(erased.user(k)), erased.items().idOf(erased.item(k)), erased.value(k),
          erased.timestamp(k));
    }
    Dataset retrained = Dataset.of(b.add("carol", "i2", 1f, 30).build());
    r.swap(KNN.fit(retrained), retrained);
    assertThat(r.history("carol")).containsExactly("i2");
    assertThat(r.popularity("i0")).isEqualTo(1);
  }

  private static final byte[] KEY_A = "0123456789abcdef-key-A".getBytes(StandardCharsets.UTF_8);
  private static final byte[] KEY_B = "0123456789abcdef-key-B".getBytes(StandardCharsets.UTF_8);

  @Test
  void pseudonymsAreDeterministicPerKeyAndDifferAcrossKeys() {
    Pseudonymizer a = new Pseudonymizer(KEY_A);
    Pseudonymizer a2 = new Pseudonymizer(KEY_A.clone());
    Pseudonymizer b = new Pseudonymizer(KEY_B);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 500; i++) {
      String id = "user-" + i;
      String p = a.apply(id);
      assertThat(p).hasSize(Pseudonymizer.DEFAULT_LENGTH).matches("[A-Za-z0-9_-]+").doesNotContain(id);
      assertThat(a2.apply(id)).isEqualTo(p);
      assertThat(b.apply(id)).isNotEqualTo(p);
      seen.add(p);
    }
    assertThat(seen).hasSize(500);
    assertThat(new Pseudonymizer(KEY_A, 8).apply("user-1")).isEqualTo(a.apply("user-1").substring(0, 8));
    assertThat(a.toString()).doesNotContain("0123456789abcdef");
  }

  @Test
  void pseudonymsMatchAnIndependentHmacSha256() throws Exception {
    // RFC 4231 test case 2 uses a 4-byte key; here a 20-byte key and the JDK's Mac computed separately.
    byte[] key = new byte[20];
    Arrays.fill(key, (byte) 0x0b);
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
    byte[] expected = mac.doFinal("Hi There".getBytes(StandardCharsets.US_ASCII));
    // RFC 4231 test case 1 (key 0x0b x 20, data "Hi There") gives b0344c61d8db3853...; its base64url starts "sDRMYd".
    assertThat(expected[0]).isEqualTo((byte) 0xb0);
    assertThat(new Pseudonymizer(key, Pseudonymizer.MAX_LENGTH).apply("Hi There"))
        .isEqualTo(java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(expected))
        .startsWith("sDRMYd");
  }

  @Test
  void pseudonymizerRejectsWeakKeysAndBadLengths() {
    assertThatThrownBy(() -> new Pseudonymizer(new byte[15])).hasMessageContaining("key must have at least 16 bytes");
    assertThatThrownBy(() -> new Pseudonymizer(null)).hasMessageContaining("key");
    assertThatThrownBy(() -> new Pseudonymizer(KEY_A, 7)).hasMessageContaining("length must be in [8, 43], got 7");
    assertThatThrownBy(() -> new Pseudonymizer(KEY_A, 44)).hasMessageContaining("length must be in [8, 43], got 44");
    byte[] key = KEY_A.clone();
    Pseudonymizer p = new Pseudonymizer(key);
    String before = p.apply("x");
    Arrays.fill(key, (byte) 0);
    assertThat(p.apply("x")).as("the key is copied").isEqualTo(before);
  }

  @Test
  void readingThroughAPseudonymizerKeepsRawIdsOutOfTheLog() throws IOException {
    DelimitedFormat format = DelimitedFormat.builder().user("user").item("item").build();
    Pseudonymizer p = new Pseudonymizer(KEY_A);
    DelimitedReader reader = new DelimitedReader(format).withUserIdMapping(p);
    InteractionLog.Builder b = InteractionLog.builder();
    reader.readInto(new StringReader("user,item\nalice@example.com,i1\nbob,i2\nalice@example.com,i3\n"), "s", b);
    InteractionLog log = b.build();
    assertThat(log.users().ids()).containsExactly(p.apply("alice@example.com"), p.apply("bob"));
    for (String id : log.users().ids()) {
      assertThat(id).doesNotContain("alice").doesNotContain("bob").doesNotContain("example");
    }
    assertThat(log.user(0)).isEqualTo(log.user(2));
    // Erasure works on the pseudonym.
    assertThat(log.withoutUser(p.apply("bob")).users().ids()).containsExactly(p.apply("alice@example.com"));
  }
}
