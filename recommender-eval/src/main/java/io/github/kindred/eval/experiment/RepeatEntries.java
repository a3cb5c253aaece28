package io.github.kindred.eval.experiment;

import io.github.kindred.eval.experiment.AlgorithmRegistry.Entry;
import io.github.kindred.repeat.NeighborMeasure;
import io.github.kindred.repeat.RepeatConfig;
import io.github.kindred.repeat.RepeatTrainer;
import io.github.kindred.session.MarkovConfig;
import io.github.kindred.session.MarkovTrainer;
import io.github.kindred.session.SessionKnnConfig;
import io.github.kindred.session.SessionKnnTrainer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Registry entries of the repeat-aware recommenders ({@code io.github.kindred.repeat}: TIFU-KNN and the personal
 * frequency baseline) and the session recommenders ({@code io.github.kindred.session}: V-SKNN and Markov). Defaults
 * come from the configuration records. Stateless.
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

  static Entry sessionKnn() {
    SessionKnnConfig d = SessionKnnConfig.defaults();
    Map<String, String> keys = new LinkedHashMap<>();
    keys.put("neighbors", String.valueOf(d.neighbors()));
    keys.put("sampleSize", String.valueOf(d.sampleSize()));
    keys.put("sessionGapSeconds", String.valueOf(d.sessionGapSeconds()));
    return new Entry("sknn", "V-SKNN session neighbours over the query history in event order",
        keys, p -> new SessionKnnTrainer(new SessionKnnConfig(p.intValue("neighbors"), p.intValue("sampleSize"),
            p.longValue("sessionGapSeconds"))));
  }

  static Entry markov() {
    MarkovConfig d = MarkovConfig.defaults();
    Map<String, String> keys = new LinkedHashMap<>();
    keys.put("lookback", String.valueOf(d.lookback()));
    keys.put("decay", String.valueOf(d.decay()));
    keys.put("sessionGapSeconds", String.valueOf(d.sessionGapSeconds()));
    return new Entry("markov", "first-order item-to-item transitions from the last events of the query history",
        keys, p -> new MarkovTrainer(new MarkovConfig(p.intValue("lookback"), p.doubleValue("decay"),
            p.longValue("sessionGapSeconds"))));
  }
}
