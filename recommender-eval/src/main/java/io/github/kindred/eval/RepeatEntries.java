package io.github.kindred.eval;

import io.github.kindred.eval.AlgorithmRegistry.Entry;
import io.github.kindred.repeat.NeighborMeasure;
import io.github.kindred.repeat.RepeatConfig;
import io.github.kindred.repeat.RepeatTrainer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Registry entries of the repeat-aware recommenders ({@code io.github.kindred.repeat}): TIFU-KNN and the
 * personal frequency baseline. Defaults come from {@link RepeatConfig}. Stateless.
 */
final class RepeatEntries {
  private RepeatEntries() {}

  static Entry tifuKnn() {
    RepeatConfig d = RepeatConfig.defaults();
    Map<String, String> keys = new LinkedHashMap<>();
    keys.put("groupSize", String.valueOf(d.groupSize()));
    keys.put("withinDecay", String.valueOf(d.withinDecay()));
    keys.put("groupDecay", String.valueOf(d.groupDecay()));
    keys.put("neighbors", String.valueOf(d.neighbors()));
    keys.put("alpha", String.valueOf(d.alpha()));
    keys.put("measure", d.measure().name().toLowerCase(Locale.ROOT));
    keys.put("basketGapSeconds", String.valueOf(d.basketGapSeconds()));
    keys.put("threads", String.valueOf(d.threads()));
    return new Entry("tifuknn", "TIFU-KNN: time-decayed basket representations plus nearest customers (repeats)",
        keys, p -> new RepeatTrainer(new RepeatConfig(p.intValue("groupSize"), p.doubleValue("withinDecay"),
            p.doubleValue("groupDecay"), p.intValue("neighbors"), p.doubleValue("alpha"),
            p.choice("measure", NeighborMeasure.class), p.longValue("basketGapSeconds"), p.intValue("threads"))));
  }

  static Entry personalFrequency() {
    RepeatConfig d = RepeatConfig.personalFrequency(1);
    Map<String, String> keys = new LinkedHashMap<>();
    keys.put("decay", "1.0");
    keys.put("basketGapSeconds", String.valueOf(d.basketGapSeconds()));
    return new Entry("personalfreq", "personal purchase frequency with per-basket recency decay, then popularity",
        keys, p -> new RepeatTrainer(RepeatConfig.personalFrequency(p.doubleValue("decay"))
            .withBasketGapSeconds(p.longValue("basketGapSeconds"))));
  }
}
