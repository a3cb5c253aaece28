package io.github.kindred.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BuyAgainTest {
  @Test
  void buyAgainListHoldsPastPurchasesAndDiscoveryListTheCustomersAisle() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BuyAgain.Lists lists = BuyAgain.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    assertThat(lists.buyAgain()).hasSize(5);
    assertThat(lists.discovery()).hasSize(5);
    int discoveredInAisle;
    for (int i : lists.buyAgain()) {
      assertThat(lists.model().boughtBefore(lists.user(), i)).isTrue();
    }
    for (int i : lists.discovery()) {
      assertThat(lists.model().boughtBefore(lists.user(), i)).isFalse();
    }
    // c7 shops in aisle 1 (products p10..p19); staples p11, p14, p17, p10 (10 + (1 + 3s) % 10).
    String first = lists.model().items().idOf(lists.buyAgain()[0]);
    assertThat(first).isIn("p10", "p11", "p14", "p17");
    // Its nearest customers share its aisle, so an unbought product of the aisle leads the discovery list (c7 has
    // tried most of the aisle's 10 products; the rest of the list comes from random extras of its neighbours).
    String lead = lists.model().items().idOf(lists.discovery()[0]);
    discoveredInAisle = Integer.parseInt(lead.substring(1)) / 10 == 1 ? 1 : 0;
    String text = bytes.toString(StandardCharsets.UTF_8);
    assertThat(text).contains("Customer c7: buy again").contains("Customer c7: discover").contains("bought ");
    assertThat(lists.model().explain(lists.user(), lists.buyAgain()[0]).describe()).startsWith("bought ");
    assertThat(discoveredInAisle).as(text).isEqualTo(1);
    assertThat(lists.model().explain(lists.user(), lists.discovery()[0]).describe())
        .isEqualTo("bought by customers like you");
  }
}
