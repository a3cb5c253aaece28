package io.github.kindred.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kindred.data.EventTypes;
import io.github.kindred.data.InteractionLog;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ECommerceTest {
  @Test
  void couponsAreUnboughtHighMarginProductsOfTheFavouriteCategory() {
    Output out = new Output();

    ECommerce.Result r = ECommerce.run(out.stream, 800, 11L);

    ECommerce.Shop shop = r.shop();
    assertThat(r.coupons()).isNotEmpty();
    for (Map.Entry<String, String> c : r.coupons().entrySet()) {
      int shopper = Integer.parseInt(c.getKey().substring(1));
      int product = Integer.parseInt(c.getValue().substring(1));
      assertThat(r.bought().getOrDefault(c.getKey(), Set.of())).doesNotContain(c.getValue());
      assertThat(shop.margin()[product]).isGreaterThanOrEqualTo(ECommerce.MIN_MARGIN);
      assertThat(Show.field(shop.products(), c.getValue(), "category"))
          .isEqualTo(ECommerce.CATEGORIES.get(shop.favourite()[shopper]));
    }
    // Personalised models beat popularity on the held-out purchases.
    assertThat(r.ndcg().get("implicit ALS, weighted events")).isGreaterThan(r.ndcg().get("popularity"));
    assertThat(out.text()).contains("Coupons");
  }

  @Test
  void theShopLogsViewsCartsAndPurchasesWithTheDefaultWeights() {
    ECommerce.Shop shop = ECommerce.generate(200, 3L);
    InteractionLog log = shop.log();
    EventTypes types = log.eventTypes();
    assertThat(types.weight(types.code("view"))).isEqualTo(1f);
    assertThat(types.weight(types.code("cart"))).isEqualTo(4f);
    assertThat(types.weight(types.code("purchase"))).isEqualTo(8f);
    int purchase = types.code("purchase");
    int cart = types.code("cart");
    // Every purchase follows a cart of the same product by the same shopper, two minutes earlier.
    for (int e = 0; e < log.size(); e++) {
      if (log.eventType(e) == purchase) {
        boolean carted = false;
        for (int f = 0; f < log.size() && !carted; f++) {
          carted = log.eventType(f) == cart && log.user(f) == log.user(e) && log.item(f) == log.item(e)
              && log.timestamp(f) == log.timestamp(e) - 120;
        }
        assertThat(carted).isTrue();
      }
    }
  }
}
