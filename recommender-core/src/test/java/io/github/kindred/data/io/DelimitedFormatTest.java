package io.github.kindred.data.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DelimitedFormatTest {
  @Test
  void defaultsAreCommaHeaderQuotedUtf8Strict() {
    DelimitedFormat f = DelimitedFormat.builder().user("u").item("i").build();
    assertThat(f.separator()).isEqualTo(",");
    assertThat(f.header()).isTrue();
    assertThat(f.quoted()).isTrue();
    assertThat(f.charset()).isEqualTo(StandardCharsets.UTF_8);
    assertThat(f.value()).isNull();
    assertThat(f.defaultValue()).isEqualTo(1f);
    assertThat(f.lenient()).isFalse();
    assertThat(f.withLenient(true).lenient()).isTrue();
    assertThat(f.withLenient(true).toBuilder().lenient(false).build()).isEqualTo(f);
  }

  @Test
  void tsvIsHeaderlessByPosition() {
    DelimitedFormat f = DelimitedFormat.tsv();
    assertThat(f.separator()).isEqualTo("\t");
    assertThat(f.header()).isFalse();
    assertThat(f.user()).isEqualTo(Column.at(0));
    assertThat(f.timestamp()).isEqualTo(Column.at(3));
  }

  @Test
  void invalidSettingsFailNamingTheProblem() {
    assertThatThrownBy(() -> DelimitedFormat.builder().item("i").build())
        .hasMessage("the user column must be given");
    assertThatThrownBy(() -> DelimitedFormat.builder().user("u").build())
        .hasMessage("the item column must be given");
    assertThatThrownBy(() -> DelimitedFormat.builder().separator("").user(0).item(1).build())
        .hasMessage("separator must not be empty");
    assertThatThrownBy(() -> DelimitedFormat.builder().separator("\"").user(0).item(1).build())
        .hasMessageContaining("must not contain '\"'");
    assertThatThrownBy(() -> DelimitedFormat.builder().user(0).item(1).defaultValue(Float.NaN).build())
        .hasMessage("defaultValue must be finite, got NaN");
    assertThatThrownBy(() -> DelimitedFormat.builder().header(false).user("userId").item(1).build())
        .hasMessage("the user column 'userId' is chosen by header name, but the format has no header line");
    assertThatThrownBy(() -> DelimitedFormat.builder().user("a").item("b").value("a").build())
        .hasMessage("column 'a' is mapped twice: to user and to value");
    assertThatThrownBy(() -> DelimitedFormat.builder().user(0).item(1).context("c").context("c"))
        .hasMessage("context feature 'c' is mapped twice");
    assertThatThrownBy(() -> DelimitedFormat.builder().user(0).item(1).context(" ", Column.at(2)).build())
        .hasMessageContaining("context feature names must not be blank");
  }

  @Test
  void columnsAreByNameOrByPosition() {
    assertThat(Column.named("x").byName()).isTrue();
    assertThat(Column.at(2).byName()).isFalse();
    assertThatThrownBy(() -> Column.at(-1)).hasMessage("column position must be >= 0, got -1");
    assertThatThrownBy(() -> Column.named(" ")).hasMessage("column name must not be blank");
    assertThatThrownBy(() -> new Column("x", 3)).hasMessageContaining("position must be -1");
  }
}
