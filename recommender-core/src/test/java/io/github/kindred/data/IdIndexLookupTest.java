package io.github.kindred.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The open-addressing lookup table behind {@link IdIndex}: every id found, absent ids and duplicates detected. */
class IdIndexLookupTest {
  @Test
  void everyIdOfALargeIndexIsFoundAtItsPosition() {
    String[] ids = new String[50_000];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = "item-" + i;
    }
    IdIndex index = IdIndex.of(ids);
    boolean allFound = true;
    for (int i = 0; i < ids.length; i++) {
      allFound &= index.indexOf("item-" + i) == i;
    }
    assertThat(allFound).isTrue();
    assertThat(index.indexOf("item-50000")).isEqualTo(-1);
    assertThat(index.indexOf((String) null)).isEqualTo(-1);
    assertThat(index.contains("item-7")).isTrue();
    assertThat(index.contains("item--7")).isFalse();
  }

  @Test
  void idsWithEqualHashCodesAreKeptApart() {
    // "Aa" and "BB" share the hash code 2112, so they probe the same slot.
    IdIndex index = IdIndex.of("Aa", "BB", "AaBB", "BBAa");
    assertThat(index.indexOf("BB")).isEqualTo(1);
    assertThat(index.indexOf("Aa")).isEqualTo(0);
    assertThat(index.indexOf("BBAa")).isEqualTo(3);
    assertThat(index.indexOf("AaAa")).isEqualTo(-1);
  }

  @Test
  void duplicatesAreRejectedAndTheEmptyIndexWorks() {
    assertThatThrownBy(() -> IdIndex.of("a", "b", "a")).hasMessageContaining("duplicate id 'a'");
    assertThat(IdIndex.of().indexOf("a")).isEqualTo(-1);
    assertThat(new IdIndex.Builder().build().size()).isZero();
    assertThat(IdIndex.of("7").indexOf(7L)).isZero();
  }
}
