package io.github.kindred.data.synthetic;

/**
 * The fixed parameters of the generative process documented on {@link Marketplace}: the vocabularies and the effect
 * tables of the simulated world (how task, time, day, season, age and household move the demand for each
 * category). Kept apart from {@link MarketplaceGenerator}, which draws from them, so that the world reads as one
 * table. Category columns are in the order of {@link Marketplace#CATEGORIES}.
 */
final class MarketplaceTables {
  static final int CATS = 12;
  static final int STYLES = 5;
  static final int DISTRICTS = 8;
  static final int EMERGENCY = 0;
  static final int PLANNED = 2;
  static final String[] STYLE_WORDS = {"quick", "eco", "master", "friendly", "smart"};
  static final String[] BANDS = {"budget", "standard", "premium"};
  static final String[] TASKS = {"emergency", "repair", "planned"};
  static final String[] CHANNELS = {"app", "web", "phone"};
  static final String[] AGES = {"18-29", "30-44", "45-64", "65+"};
  static final String[] HOUSEHOLDS = {"single", "couple", "family", "shared"};

  // Columns of every category table, in the order of Marketplace.CATEGORIES: plumbing, electrical,
  // appliance-repair, heating, air-conditioning, cleaning, moving, pest-control, gardening, painting, locksmith,
  // handyman.
  static final double[] BASE = {1.2, 1.0, 1.0, 0.9, 0.6, 1.6, 0.6, 0.5, 0.9, 0.6, 0.5, 1.0};
  static final double[][] TASK_EFFECT = {
      {4, 2.5, 1, 2.5, 0.8, 0.02, 0.02, 0.6, 0.02, 0.02, 6, 0.2}, // emergency
      {1.2, 1.3, 2.2, 1.2, 1.2, 0.2, 0.1, 1, 0.3, 0.3, 0.6, 1.6}, // repair
      {0.3, 0.5, 0.3, 0.6, 0.6, 2.6, 2.2, 0.8, 2.2, 2.2, 0.2, 1}}; // planned
  static final double[][] TIME_EFFECT = {
      {1.8, 1.3, 0.5, 1.3, 0.5, 0.2, 0.1, 0.5, 0.1, 0.1, 3, 0.3}, // night
      {1, 1, 1, 1, 1, 1.2, 1.4, 1, 1.4, 1.1, 1, 1}, // morning
      {1, 1, 1.2, 1, 1.1, 1, 1, 1, 1, 1, 1, 1}, // afternoon
      {1, 1, 1.2, 1, 1, 0.8, 0.7, 1, 0.8, 0.8, 1.5, 1.2}}; // evening
  static final double[][] DAY_EFFECT = {
      {1, 1, 1, 1, 1, 1, 0.7, 1, 0.8, 0.9, 1, 1}, // mon
      {1, 1, 1, 1, 1, 1, 0.7, 1, 0.8, 0.9, 1, 1}, // tue
      {1, 1, 1, 1, 1, 1.1, 0.8, 1, 0.8, 0.9, 1, 1}, // wed
      {1, 1, 1, 1, 1, 1.8, 0.9, 1, 0.9, 0.9, 1, 1}, // thu
      {1, 1, 1, 1, 1, 2.5, 1.5, 1, 1, 1, 1.2, 1}, // fri
      {1, 0.9, 0.8, 1, 1, 0.8, 3, 1, 1.8, 1.6, 1.4, 1.5}, // sat
      {1, 0.6, 0.6, 1, 1, 0.5, 1.2, 0.8, 1.5, 1.3, 1.4, 1.1}}; // sun
  static final double[][] SEASON_EFFECT = {
      {1.6, 1, 1, 3.5, 0.1, 1, 0.6, 0.4, 0.1, 0.5, 1, 1}, // winter
      {1, 1, 1, 0.8, 0.7, 1.6, 1, 1.3, 3, 1.5, 1, 1}, // spring
      {0.9, 1, 1, 0.15, 4, 1, 1.6, 2.5, 2.2, 1.6, 1, 1}, // summer
      {1, 1, 1, 1.8, 0.5, 1, 1, 0.8, 1, 0.8, 1, 1}}; // autumn
  static final double[][] AGE_EFFECT = {
      {1, 1, 1, 0.8, 1, 1, 1.8, 1, 0.4, 1, 1.5, 0.8}, // 18-29
      {1, 1, 1.2, 1, 1, 1, 1, 1, 1, 1.2, 1, 1}, // 30-44
      {1, 1, 1, 1.1, 1, 1, 0.8, 1, 1.4, 1, 1, 1}, // 45-64
      {1, 1, 1, 1.3, 1, 1, 0.4, 1, 1.6, 0.8, 1, 1.6}}; // 65+
  static final double[][] HOUSEHOLD_EFFECT = {
      {1, 1, 1, 1, 1, 0.9, 1.3, 1, 0.5, 1, 1.4, 0.8}, // single
      {1, 1, 1, 1, 1, 1, 1, 1, 1.1, 1.3, 1, 1}, // couple
      {1, 1, 1.3, 1, 1, 1.5, 1, 1.2, 1.3, 1, 1, 1}, // family
      {1, 1, 1, 1, 1, 1.3, 1.6, 1.4, 0.3, 0.6, 1, 1}}; // shared
  /** Share of each category's services that offer a 24/7 emergency call-out. */
  static final double[] EMERGENCY_OFFER = {0.6, 0.5, 0.3, 0.5, 0.2, 0.03, 0.03, 0.3, 0.03, 0.03, 0.7, 0.1};
  /** Typical job length in hours. */
  static final double[] DURATION = {1.5, 2, 1.5, 2.5, 3, 3, 6, 1.5, 4, 8, 0.75, 2.5};
  static final String[] DISPLAY = {"plumbing", "electrical", "appliance repair", "heating",
      "air conditioning", "cleaning", "moving", "pest control", "gardening", "painting", "locksmith", "handyman"};
  static final String[][] JOBS = {
      {"leak repair", "drain unblocking", "tap fitting", "pipe repair"},
      {"fuse box", "rewiring", "socket installation", "lighting"},
      {"washing machine", "fridge", "oven", "dishwasher"},
      {"boiler repair", "boiler service", "radiator", "heat pump"},
      {"installation", "service", "cooling repair", "ventilation"},
      {"deep clean", "end of tenancy", "weekly clean", "window cleaning"},
      {"house removals", "man with van", "packing", "storage"},
      {"wasp nest", "mice", "bed bugs", "ants"},
      {"lawn mowing", "hedge trimming", "garden design", "tree surgery"},
      {"interior", "exterior", "wallpapering", "decorating"},
      {"lockout", "lock change", "key cutting", "security upgrade"},
      {"furniture assembly", "shelves", "odd jobs", "door repair"}};
  /** Price-band match between a user's preferred band (row) and a service's band (column). */
  static final double[][] PRICE_MATCH = {{1.5, 1, 0.5}, {1, 1.5, 1}, {0.5, 1, 1.5}};
  /** Hourly request profiles per task type: emergencies at any hour, the rest in working hours. */
  static final double[][] HOURS = {
      {0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.9, 0.9, 0.9, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1.2, 1.2, 1.2, 1.2, 1.1, 1.1},
      {0, 0, 0, 0, 0, 0, 0.02, 0.3, 1.2, 1.2, 1.2, 1.2, 1, 1, 1, 1, 1, 1.1, 1.1, 1.1, 0.4, 0.2, 0.05, 0},
      {0, 0, 0, 0, 0, 0, 0.02, 0.3, 1.3, 1.3, 1.3, 1.3, 1.3, 1, 1, 1, 1, 1, 0.5, 0.5, 0.2, 0.02, 0.02, 0}};
  static final double[][] CHANNEL_BY_AGE = {
      {0.65, 0.25, 0.1}, {0.5, 0.35, 0.15}, {0.3, 0.45, 0.25}, {0.1, 0.3, 0.6}};
  static final double[] CHANNEL_EMERGENCY = {0.3, 0.1, 0.6};

  private MarketplaceTables() {}
}
