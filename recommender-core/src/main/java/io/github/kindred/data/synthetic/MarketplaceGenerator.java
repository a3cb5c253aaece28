package io.github.kindred.data.synthetic;

import static io.github.kindred.data.synthetic.Draws.cumulative;
import static io.github.kindred.data.synthetic.Draws.search;
import static io.github.kindred.data.synthetic.MarketplaceTables.*;

import io.github.kindred.data.Context;
import io.github.kindred.data.EventTypes;
import io.github.kindred.data.FeatureTable;
import io.github.kindred.data.IdIndex;
import io.github.kindred.data.InteractionLog;
import io.github.kindred.data.TimeFeatures;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The generative process documented on {@link Marketplace}, over the world of {@link MarketplaceTables}. One
 * instance generates one marketplace; not thread-safe. Every random choice comes from one {@link SplittableRandom}
 * (held by {@link Draws}) seeded by the configuration, drawn in a fixed order, so the output depends on the
 * configuration only. Transcendental functions are StrictMath's (fdlibm), whose results are specified bit for bit,
 * where Math's intrinsics may differ by an ulp between platforms.
 */
final class MarketplaceGenerator {
  private final MarketplaceConfig config;
  private final Draws rnd;

  MarketplaceGenerator(MarketplaceConfig config) {
    this.config = config;
    this.rnd = new Draws(config.seed());
  }

  Marketplace generate() {
    Calendar cal = calendar();
    double[] contextEffect = contextEffects();
    Users users = users();
    Services services = services();
    Events ev = events(users, services, cal, contextEffect);
    InteractionLog log = log(users, services, cal, ev);
    return new Marketplace(config, log, services.features(), users.features(), services.launchedLate,
        services.unlaunched);
  }

  /** Epoch second and time features of every local hour of the period; slot {@code s} is hour {@code s % 24}. */
  private record Calendar(long[] slotEpoch, byte[] slotTime, byte[] slotDay, byte[] slotSeason) {}

  /** The generated events in generation order (users one after another, each in time order). */
  private record Events(int[] evUser, int[] evItem, long[] evTime, byte[] evRating, int[] evContext) {}

  private Calendar calendar() {
    // The calendar: epoch second and time features of every local hour of the period, computed once, so that the
    // per-event work is array look-ups and the features agree with TimeFeatures.of on the timestamps.
    int days = config.days();
    ZoneId zone = config.zone();
    long[] slotEpoch = new long[days * 24];
    byte[] slotTime = new byte[days * 24];
    byte[] slotDay = new byte[days * 24];
    byte[] slotSeason = new byte[days * 24];
    for (int d = 0; d < days; d++) {
      for (int h = 0; h < 24; h++) {
        int s = d * 24 + h;
        long e = config.start().plusDays(d).atTime(h, 0).atZone(zone).toEpochSecond();
        LocalDateTime local = LocalDateTime.ofInstant(Instant.ofEpochSecond(e), zone);
        slotEpoch[s] = e;
        slotTime[s] = (byte) TimeFeatures.timeOfDayIndex(local.getHour());
        slotDay[s] = (byte) (local.getDayOfWeek().getValue() - 1);
        slotSeason[s] = (byte) TimeFeatures.seasonIndex(local.getMonthValue());
      }
    }
    return new Calendar(slotEpoch, slotTime, slotDay, slotSeason);
  }

  private double[] contextEffects() {
    // Context multipliers per (task, time of day, day of week, season, category), raised to contextStrength.
    double cs = config.contextStrength();
    double[] contextEffect = new double[3 * 4 * 7 * 4 * CATS];
    for (int t = 0; t < 3; t++) {
      for (int tod = 0; tod < 4; tod++) {
        for (int dow = 0; dow < 7; dow++) {
          for (int se = 0; se < 4; se++) {
            int base = (((t * 4 + tod) * 7 + dow) * 4 + se) * CATS;
            for (int c = 0; c < CATS; c++) {
              double m = TASK_EFFECT[t][c] * TIME_EFFECT[tod][c] * DAY_EFFECT[dow][c] * SEASON_EFFECT[se][c];
              contextEffect[base + c] = BASE[c] * StrictMath.pow(m, cs);
            }
          }
        }
      }
    }
    return contextEffect;
  }

  private Events events(Users users, Services services, Calendar cal, double[] contextEffect) {
    int days = config.days();
    long[] slotEpoch = cal.slotEpoch();
    byte[] slotTime = cal.slotTime();
    byte[] slotDay = cal.slotDay();
    byte[] slotSeason = cal.slotSeason();
    double[][] hourCdf = new double[3][];
    for (int t = 0; t < 3; t++) {
      hourCdf[t] = cumulative(HOURS[t]);
    }
    int n = config.interactions();
    int[] perUser = new int[users.count];
    double[] activityCdf = users.activityCdf;
    for (int i = 0; i < n; i++) {
      perUser[rnd.draw(activityCdf)]++;
    }
    int[] evUser = new int[n];
    int[] evItem = new int[n];
    long[] evTime = new long[n];
    byte[] evRating = new byte[n];
    int[] evContext = new int[n];
    int maxPerUser = 0;
    for (int c : perUser) {
      maxPerUser = Math.max(maxPerUser, c);
    }
    long[] keys = new long[maxPerUser];
    int[] lastBooked = new int[CATS];
    double[] weights = new double[Math.max(CATS, services.maxPerCategory)];
    int e = 0;
    for (int u = 0; u < users.count; u++) {
      int m = perUser[u];
      // Draw day, task and hour of each request, then replay them in time order so that repeat bookings refer to
      // earlier requests.
      for (int k = 0; k < m; k++) {
        int day = rnd.nextInt(days);
        double pEmergency = slotSeason[day * 24 + 12] == 0 ? 0.29 : 0.22;
        double r = rnd.nextDouble();
        int task = r < pEmergency ? EMERGENCY : r < pEmergency + 0.38 ? 1 : PLANNED;
        int hour = rnd.draw(hourCdf[task]);
        keys[k] = ((long) (day * 24 + hour) << 2) | task;
      }
      Arrays.sort(keys, 0, m);
      Arrays.fill(lastBooked, -1);
      for (int k = 0; k < m; k++) {
        int slot = (int) (keys[k] >>> 2);
        int task = (int) (keys[k] & 3);
        int day = slot / 24;
        int tod = slotTime[slot];
        int dow = slotDay[slot];
        int season = slotSeason[slot];
        int district = rnd.nextDouble() < 0.9 ? users.district[u] : rnd.nextInt(DISTRICTS);
        int ctxBase = (((task * 4 + tod) * 7 + dow) * 4 + season) * CATS;
        for (int c = 0; c < CATS; c++) {
          weights[c] = users.affinity[u * CATS + c] * contextEffect[ctxBase + c];
        }
        int category = rnd.drawWeighted(weights, CATS);
        int service;
        if (lastBooked[category] >= 0 && rnd.nextDouble() < config.repeatRate()) {
          service = lastBooked[category];
        } else {
          service = services.draw(u, users, category, task, district, day, weights);
        }
        lastBooked[category] = service;
        evUser[e] = u;
        evItem[e] = service;
        evTime[e] = slotEpoch[slot] + rnd.nextInt(3600);
        evRating[e] = (byte) rating(users, services, u, service, district);
        int channel = task == EMERGENCY ? rnd.draw(CHANNEL_EMERGENCY_CDF) : rnd.draw(users.channelCdf[users.age[u]]);
        evContext[e] = ((((tod * 7 + dow) * 4 + season) * DISTRICTS + district) * 3 + task) * 3 + channel;
        e++;
      }
    }
    return new Events(evUser, evItem, evTime, evRating, evContext);
  }

  /** The events in time order (ties by generation order) as the marketplace's log. */
  private InteractionLog log(Users users, Services services, Calendar cal, Events ev) {
    int n = ev.evUser().length;
    long[] slotEpoch = cal.slotEpoch();
    int[] evUser = ev.evUser();
    int[] evItem = ev.evItem();
    long[] evTime = ev.evTime();
    byte[] evRating = ev.evRating();
    int[] evContext = ev.evContext();
    // Time order, ties by generation order: sort (seconds since the first slot, event) packed in one long, which
    // the configuration's bound on days keeps below 2^31 seconds.
    long[] packed = new long[n];
    for (int i = 0; i < n; i++) {
      packed[i] = ((evTime[i] - slotEpoch[0]) << 32) | i;
    }
    Arrays.sort(packed);
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = (int) packed[i];
    }
    Context[] contexts = new Context[4 * 7 * 4 * DISTRICTS * 3 * 3];
    InteractionLog.Builder b = InteractionLog.builder(EventTypes.defaults())
        .knownUsers(IdIndex.of(users.ids)).knownItems(IdIndex.of(services.ids));
    for (int i : order) {
      int key = evContext[i];
      Context ctx = contexts[key];
      if (ctx == null) {
        ctx = context(key);
        contexts[key] = ctx;
      }
      b.add(users.ids[evUser[i]], services.ids[evItem[i]], evRating[i], evTime[i], EventTypes.DEFAULT, ctx);
    }
    return b.build();
  }

  private static final double[] CHANNEL_EMERGENCY_CDF = cumulative(CHANNEL_EMERGENCY);

  private static Context context(int key) {
    int channel = key % 3;
    key /= 3;
    int task = key % 3;
    key /= 3;
    int district = key % DISTRICTS;
    key /= DISTRICTS;
    int season = key % 4;
    key /= 4;
    int dow = key % 7;
    int tod = key / 7;
    return Context.of(TimeFeatures.TIME_OF_DAY, TimeFeatures.TIMES_OF_DAY[tod],
        TimeFeatures.DAY_OF_WEEK, TimeFeatures.DAYS[dow], TimeFeatures.WEEKEND, dow >= 5 ? "yes" : "no",
        TimeFeatures.SEASON, TimeFeatures.SEASONS[season], Marketplace.DISTRICT, Marketplace.DISTRICTS.get(district),
        Marketplace.TASK, TASKS[task], Marketplace.CHANNEL, CHANNELS[channel]);
  }

  private int rating(Users users, Services services, int u, int s, int district) {
    double styleMatch = Math.max(-1, Math.min(1.5, users.styleRaw[u * STYLES + services.style[s]] * STYLES - 1));
    double r = 3.2 + 0.6 * styleMatch + (services.district[s] == district ? 0.4 : 0) + services.quality[s]
        + 0.8 * rnd.nextGaussian();
    return (int) Math.max(1, Math.min(5, Math.round(r)));
  }

  /** Users: demographics, district, activity, category affinity and style preference. */
  private Users users() {
    int count = config.users();
    Users us = new Users(count);
    double taste = config.tasteStrength();
    double[] activity = new double[count];
    double[] raw = new double[Math.max(CATS, STYLES)];
    for (int u = 0; u < count; u++) {
      us.district[u] = (byte) rnd.nextInt(DISTRICTS);
      us.age[u] = (byte) rnd.nextInt(AGES.length);
      us.household[u] = (byte) rnd.nextInt(HOUSEHOLDS.length);
      us.band[u] = (byte) rnd.draw(BAND_CDF);
      activity[u] = StrictMath.exp(0.8 * rnd.nextGaussian());
      double sum = 0;
      for (int c = 0; c < CATS; c++) {
        raw[c] = rnd.gamma(0.4) * AGE_EFFECT[us.age[u]][c] * HOUSEHOLD_EFFECT[us.household[u]][c];
        sum += raw[c];
      }
      for (int c = 0; c < CATS; c++) {
        // A floor keeps every category possible for every user, so that context can still move the choice.
        us.affinity[u * CATS + c] = (float) StrictMath.pow(raw[c] / sum * CATS + 0.02, taste);
      }
      sum = 0;
      for (int s = 0; s < STYLES; s++) {
        raw[s] = rnd.gamma(0.3);
        sum += raw[s];
      }
      for (int s = 0; s < STYLES; s++) {
        double share = raw[s] / sum;
        us.styleRaw[u * STYLES + s] = (float) share;
        us.style[u * STYLES + s] = (float) StrictMath.pow(share * STYLES + 0.05, taste);
      }
    }
    us.activityCdf = cumulative(activity);
    for (int a = 0; a < AGES.length; a++) {
      us.channelCdf[a] = cumulative(CHANNEL_BY_AGE[a]);
    }
    return us;
  }

  private static final double[] BAND_CDF = cumulative(new double[] {0.35, 0.45, 0.2});

  /** Services: category, technician, district, band, style, 24/7 call-out, launch day and popularity. */
  private Services services() {
    int count = config.services();
    Services sv = new Services(count);
    double[] baseCdf = cumulative(BASE);
    int[] techOfDistrict = new int[DISTRICTS];
    Arrays.fill(techOfDistrict, -1);
    int technicians = 0;
    for (int s = 0; s < count; s++) {
      int c = s < CATS ? s : rnd.draw(baseCdf);
      sv.category[s] = (byte) c;
      sv.district[s] = (byte) rnd.nextInt(DISTRICTS);
      // Two in five services belong to a technician who already offers another service in that district.
      if (techOfDistrict[sv.district[s]] >= 0 && rnd.nextDouble() < 0.4) {
        sv.technician[s] = techOfDistrict[sv.district[s]];
      } else {
        sv.technician[s] = technicians++;
        techOfDistrict[sv.district[s]] = sv.technician[s];
      }
      sv.band[s] = (byte) rnd.draw(BAND_CDF);
      sv.style[s] = (byte) rnd.nextInt(STYLES);
      sv.emergency[s] = rnd.nextDouble() < EMERGENCY_OFFER[c];
      sv.duration[s] = (float) (Math.round(DURATION[c] * StrictMath.exp(0.25 * rnd.nextGaussian()) * 4) / 4.0);
      sv.quality[s] = (float) (0.4 * rnd.nextGaussian());
      sv.showStyle[s] = rnd.nextDouble() < 0.7;
      sv.job[s] = (byte) rnd.nextInt(JOBS[c].length);
    }
    // New services: a random subset, half launched in the last 30 days, half after the period.
    int[] perm = rnd.permutation(count);
    int fresh = (int) Math.round(count * config.newServiceShare());
    int days = config.days();
    for (int k = 0; k < fresh; k++) {
      int s = perm[k];
      if (k % 2 == 0) {
        sv.launch[s] = Math.max(0, days - 30) + rnd.nextInt(Math.min(30, days));
      } else {
        sv.launch[s] = days;
      }
    }
    // Popularity: a Zipf-like weight by a random rank within the category.
    int[] rankInCategory = new int[CATS];
    int[] perCategory = new int[CATS];
    int[] perm2 = rnd.permutation(count);
    for (int s : perm2) {
      int c = sv.category[s];
      sv.popularity[s] = (float) StrictMath.pow(rankInCategory[c]++ + 1, -config.zipfExponent());
      perCategory[c]++;
    }
    sv.byCategory = new int[CATS][];
    for (int c = 0; c < CATS; c++) {
      sv.byCategory[c] = new int[perCategory[c]];
      sv.maxPerCategory = Math.max(sv.maxPerCategory, perCategory[c]);
      perCategory[c] = 0;
    }
    for (int s = 0; s < count; s++) {
      int c = sv.category[s];
      sv.byCategory[c][perCategory[c]++] = s;
    }
    List<String> late = new ArrayList<>();
    List<String> never = new ArrayList<>();
    int width = Math.max(4, String.valueOf(count - 1).length());
    int techWidth = Math.max(4, String.valueOf(technicians - 1).length());
    for (int s = 0; s < count; s++) {
      sv.ids[s] = "s" + pad(s, width);
      sv.technicianIds[s] = "t" + pad(sv.technician[s], techWidth);
      if (sv.launch[s] >= days) {
        never.add(sv.ids[s]);
      } else if (sv.launch[s] > 0) {
        late.add(sv.ids[s]);
      }
    }
    sv.launchedLate = List.copyOf(late);
    sv.unlaunched = List.copyOf(never);
    sv.localBoost = config.localBoost();
    return sv;
  }

  private static String pad(int value, int width) {
    String s = Integer.toString(value);
    return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
  }

  private static final class Users {
    final int count;
    final String[] ids;
    final byte[] district;
    final byte[] age;
    final byte[] household;
    final byte[] band;
    final float[] affinity;
    final float[] style;
    final float[] styleRaw;
    final double[][] channelCdf = new double[AGES.length][];
    double[] activityCdf;

    Users(int count) {
      this.count = count;
      ids = new String[count];
      int width = Math.max(5, String.valueOf(count - 1).length());
      for (int u = 0; u < count; u++) {
        ids[u] = "u" + pad(u, width);
      }
      district = new byte[count];
      age = new byte[count];
      household = new byte[count];
      band = new byte[count];
      affinity = new float[count * CATS];
      style = new float[count * STYLES];
      styleRaw = new float[count * STYLES];
    }

    FeatureTable features() {
      FeatureTable.Builder b = FeatureTable.builder();
      for (int u = 0; u < count; u++) {
        b.categorical(ids[u], "district", Marketplace.DISTRICTS.get(district[u]));
        b.categorical(ids[u], "ageGroup", AGES[age[u]]);
        b.categorical(ids[u], "household", HOUSEHOLDS[household[u]]);
      }
      return b.build();
    }
  }

  private final class Services {
    final int count;
    final String[] ids;
    final String[] technicianIds;
    final byte[] category;
    final byte[] district;
    final byte[] band;
    final byte[] style;
    final byte[] job;
    final boolean[] emergency;
    final boolean[] showStyle;
    final int[] technician;
    final int[] launch;
    final float[] duration;
    final float[] quality;
    final float[] popularity;
    int[][] byCategory;
    int maxPerCategory;
    List<String> launchedLate;
    List<String> unlaunched;
    double localBoost;

    Services(int count) {
      this.count = count;
      ids = new String[count];
      technicianIds = new String[count];
      category = new byte[count];
      district = new byte[count];
      band = new byte[count];
      style = new byte[count];
      job = new byte[count];
      emergency = new boolean[count];
      showStyle = new boolean[count];
      technician = new int[count];
      launch = new int[count];
      duration = new float[count];
      quality = new float[count];
      popularity = new float[count];
    }

    /**
     * Draws a launched service of {@code category} for a request. One pass writes the running sum of the weights
     * into the scratch {@code cdf}, then a binary search picks the service: the hot loop of the generator.
     */
    int draw(int u, Users users, int c, int task, int jobDistrict, int day, double[] cdf) {
      int[] candidates = byCategory[c];
      double[] priceMatch = PRICE_MATCH[users.band[u]];
      float[] userStyle = users.style;
      int styleBase = u * STYLES;
      double emergencyFactor = task == EMERGENCY ? 1 : task == PLANNED ? 0.7 : 1;
      double plainFactor = task == EMERGENCY ? 0.05 : 1;
      int n = candidates.length;
      double sum = 0;
      for (int k = 0; k < n; k++) {
        int s = candidates[k];
        if (launch[s] <= day) {
          double x = popularity[s] * userStyle[styleBase + style[s]] * priceMatch[band[s]]
              * (district[s] == jobDistrict ? localBoost : 1) * (emergency[s] ? emergencyFactor : plainFactor);
          sum += x;
        }
        cdf[k] = sum;
      }
      return candidates[search(cdf, n, rnd.nextDouble() * sum)];
    }

    FeatureTable features() {
      FeatureTable.Builder b = FeatureTable.builder();
      for (int s = 0; s < count; s++) {
        int c = category[s];
        String d = Marketplace.DISTRICTS.get(district[s]);
        b.categorical(ids[s], "category", Marketplace.CATEGORIES.get(c));
        b.categorical(ids[s], "priceBand", BANDS[band[s]]);
        b.categorical(ids[s], "emergency", emergency[s] ? "yes" : "no");
        b.categorical(ids[s], "district", d);
        b.categorical(ids[s], "technician", technicianIds[s]);
        b.numeric(ids[s], "durationHours", duration[s]);
        String name = Character.toUpperCase(d.charAt(0)) + d.substring(1) + " "
            + (showStyle[s] ? STYLE_WORDS[style[s]] + " " : "") + DISPLAY[c] + " " + JOBS[c][job[s]]
            + (emergency[s] ? " 24/7" : "");
        b.text(ids[s], "name", name);
      }
      return b.build();
    }
  }
}
