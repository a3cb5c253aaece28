package io.github.kindred.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FeatureTableTest {
  private static FeatureTable movies() {
    return FeatureTable.builder()
        .categorical("m1", "language", "en")
        .tags("m1", "genre", "Comedy", "Drama")
        .numeric("m1", "year", 1995)
        .text("m1", "title", "The Cat and the Hat")
        .categorical("m2", "language", "fr")
        .tags("m2", "genre", "Drama")
        .entity("m3")
        .build();
  }

  @Test
  void fieldsHaveKindsAndFeaturesHaveNames() {
    FeatureTable t = movies();
    assertThat(t.fields()).containsExactly("language", "genre", "year", "title");
    assertThat(t.kind(0)).isEqualTo(FeatureTable.Kind.CATEGORICAL);
    assertThat(t.kind(1)).isEqualTo(FeatureTable.Kind.TAG);
    assertThat(t.kind(2)).isEqualTo(FeatureTable.Kind.NUMERIC);
    assertThat(t.kind(3)).isEqualTo(FeatureTable.Kind.TEXT);
    assertThat(t.features().ids()).containsExactly("language=en", "genre=Comedy", "genre=Drama", "year",
        "title~the", "title~cat", "title~and", "title~hat", "language=fr");
    assertThat(t.featureCount()).isEqualTo(9);
    assertThat(t.fieldOf(t.features().indexOf("genre=Drama"))).isEqualTo(1);
    assertThat(t.fieldOf(t.features().indexOf("title~hat"))).isEqualTo(3);
    assertThat(t.fieldOf(t.features().indexOf("language=fr"))).isZero();
  }

  @Test
  void valuesAreOneForCategoriesAndTagsTheNumberForNumericAndCountsForText() {
    FeatureTable t = movies();
    int m1 = t.rowOf("m1");
    assertThat(t.value(m1, t.features().indexOf("language=en"))).isEqualTo(1f);
    assertThat(t.value(m1, t.features().indexOf("genre=Comedy"))).isEqualTo(1f);
    assertThat(t.value(m1, t.features().indexOf("year"))).isEqualTo(1995f);
    assertThat(t.value(m1, t.features().indexOf("title~the"))).isEqualTo(2f);
    assertThat(t.value(m1, t.features().indexOf("title~cat"))).isEqualTo(1f);
    assertThat(t.value(m1, t.features().indexOf("language=fr"))).isZero();
    assertThat(t.featuresOf(m1)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
    assertThat(t.valuesOf(m1)).containsExactly(1, 1, 1, 1995, 2, 1, 1, 1);
    int m2 = t.rowOf("m2");
    assertThat(t.featuresOf(m2)).containsExactly(2, 8);
    assertThat(t.featuresOf(t.rowOf("m3"))).isEmpty();
    assertThat(t.pointers()).containsExactly(0, 8, 10, 10);
  }

  @Test
  void rowsForAlignsTheTableWithOtherIndexes() {
    FeatureTable t = movies();
    assertThat(t.rowsFor(IdIndex.of("m3", "unknown", "m1"))).containsExactly(2, -1, 0);
    assertThat(t.rowOf("nope")).isEqualTo(-1);
  }

  @Test
  void tokensAreLowerCaseLettersAndDigits() {
    assertThat(FeatureTable.tokens("Star Wars: Episode IV - A New Hope, 1977!"))
        .containsExactly("star", "wars", "episode", "iv", "a", "new", "hope", "1977");
    assertThat(FeatureTable.tokens("  ")).isEmpty();
    assertThat(FeatureTable.tokens("Caf\u00e9 M\u00fcller")).containsExactly("caf\u00e9", "m\u00fcller");
  }

  @Test
  void settingACategoryAgainReplacesIt() {
    FeatureTable t = FeatureTable.builder()
        .categorical("u", "gender", "F")
        .categorical("u", "gender", "M")
        .build();
    int row = t.rowOf("u");
    assertThat(t.featuresOf(row)).containsExactly(t.features().indexOf("gender=M"));
  }

  @Test
  void rejectedValuesLeaveTheBuilderUnchanged() {
    FeatureTable.Builder b = FeatureTable.builder().numeric("a", "year", 2000);
    assertThatThrownBy(() -> b.categorical("a", "year", "x")).hasMessage("feature field 'year' is NUMERIC, not"
        + " CATEGORICAL");
    assertThatThrownBy(() -> b.numeric("a", "score", Double.NaN))
        .hasMessage("numeric feature 'score' of 'a' is not finite: NaN");
    assertThatThrownBy(() -> b.categorical("b", "color", " "))
        .hasMessage("value of feature field 'color' must not be blank");
    assertThatThrownBy(() -> b.tags("c", "genre", "Drama", ""))
        .hasMessage("value of feature field 'genre' must not be blank");
    // The failed calls added no field, feature or entity: 'color' and 'genre' may still take another kind.
    b.numeric("a", "color", 1).numeric("a", "genre", 2);
    FeatureTable t = b.build();
    assertThat(t.fields()).containsExactly("year", "color", "genre");
    assertThat(t.features().ids()).containsExactly("year", "color", "genre");
    assertThat(t.entities().ids()).containsExactly("a");
  }

  @Test
  void aTableRebuiltFromItsPartsHasTheSameContent() {
    FeatureTable t = movies();
    FeatureTable back = partsOf(t, t.pointers(), t.featureIndexes());
    assertThat(back.entities()).isEqualTo(t.entities());
    assertThat(back.features()).isEqualTo(t.features());
    assertThat(back.fields()).containsExactly(t.fields());
    assertThat(back.kind(3)).isEqualTo(FeatureTable.Kind.TEXT);
    assertThat(back.fieldOf(8)).isZero();
    assertThat(back.value(0, 3)).isEqualTo(1995f);
    assertThat(back.value(1, 2)).isEqualTo(1f);
    assertThat(back.featuresOf(2)).isEmpty();
  }

  @Test
  void inconsistentPartsAreRejected() {
    FeatureTable t = movies();
    int[] descending = t.featureIndexes().clone();
    descending[0] = descending[1];
    assertThatThrownBy(() -> partsOf(t, t.pointers(), descending)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("strictly ascending");
    int[] pointers = t.pointers().clone();
    pointers[3]--;
    assertThatThrownBy(() -> partsOf(t, pointers, t.featureIndexes()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("do not fit 3 entities");
    int[] outOfRange = t.featureIndexes().clone();
    outOfRange[outOfRange.length - 1] = t.featureCount();
    assertThatThrownBy(() -> partsOf(t, t.pointers(), outOfRange)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("feature 9 of 9");
  }

  private static FeatureTable partsOf(FeatureTable t, int[] pointers, int[] featureIndexes) {
    String[] fields = t.fields();
    FeatureTable.Kind[] kinds = new FeatureTable.Kind[fields.length];
    for (int f = 0; f < fields.length; f++) {
      kinds[f] = t.kind(f);
    }
    int[] fieldOf = new int[t.featureCount()];
    for (int f = 0; f < fieldOf.length; f++) {
      fieldOf[f] = t.fieldOf(f);
    }
    return FeatureTable.of(t.entities(), t.features(), fields, kinds, fieldOf, pointers, featureIndexes,
        t.values());
  }

  @Test
  void emptyTableHasNothing() {
    FeatureTable t = FeatureTable.empty();
    assertThat(t.entities().size()).isZero();
    assertThat(t.featureCount()).isZero();
    assertThat(t.fields()).isEmpty();
    assertThat(t.pointers()).containsExactly(0);
  }
}
