package io.github.kindred.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trim;

import io.github.kindred.data.Dataset;
import io.github.kindred.data.DuplicatePolicy;
import io.github.kindred.data.IdIndex;
import io.github.kindred.data.InteractionLog;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Interactions read from a Spark DataFrame and indexed as Kindred indexes them: users and items numbered in the
 * order of their first event, as {@code IdIndex} numbers the lines of a file, so a model trained here has the same
 * id maps as one trained in-process on the same file. Repeated (user, item) events are summed into one cell
 * ({@link DuplicatePolicy#SUM}, the default of {@link Dataset#of}), and with {@code binary} every cell is 1.
 *
 * <p>Three frames are kept (persisted to memory and disk): the events ({@code u}, {@code i}, {@code v},
 * {@code t}, {@code pos}), the cells ({@code u}, {@code i}, {@code v}) and nothing else; the id maps are held on
 * the driver, which needs memory for the id strings only (about 60 bytes per id). Call {@link #release} when done.
 */
public final class SparkInteractions {
  /** Column names of the indexed frames. */
  static final String U = "u";
  static final String I = "i";
  static final String V = "v";
  static final String T = "t";
  static final String POS = "pos";

  private final IdIndex users;
  private final IdIndex items;
  private final org.apache.spark.sql.Dataset<Row> events;
  private final org.apache.spark.sql.Dataset<Row> cells;
  private final boolean binary;
  private final boolean timestamps;
  private final long eventCount;
  private final long cellCount;

  private SparkInteractions(IdIndex users, IdIndex items, org.apache.spark.sql.Dataset<Row> events,
      org.apache.spark.sql.Dataset<Row> cells, boolean binary, boolean timestamps, long eventCount,
      long cellCount) {
    this.users = users;
    this.items = items;
    this.events = events;
    this.cells = cells;
    this.binary = binary;
    this.timestamps = timestamps;
    this.eventCount = eventCount;
    this.cellCount = cellCount;
  }

  /**
   * Reads and indexes the events of {@code frame}. The frame's row order is the order of first appearance (for a
   * single CSV or Parquet file read by Spark, the file's order).
   *
   * @param frame the events
   * @param columns which columns hold what
   * @param binary whether every stored cell becomes 1 (implicit feedback, the reference protocol)
   * @return the indexed interactions
   * @throws IllegalArgumentException if a mapped column is missing, the frame has no rows, or an event has a
   *     null or blank id, a null or non-finite value, or (with a timestamp column) a null timestamp; the message
   *     names the column and shows the first such event
   */
  public static SparkInteractions read(org.apache.spark.sql.Dataset<Row> frame, ColumnMapping columns,
      boolean binary) {
    Objects.requireNonNull(frame, "frame");
    Objects.requireNonNull(columns, "columns");
    requireColumns(frame, columns);
    Column value = columns.value() == null ? lit(1.0f) : col(columns.value()).cast(DataTypes.FloatType);
    Column time = columns.timestamp() == null ? lit(null).cast(DataTypes.LongType)
        : col(columns.timestamp()).cast(DataTypes.LongType);
    org.apache.spark.sql.Dataset<Row> raw = frame
        .select(trim(col(columns.user()).cast(DataTypes.StringType)).as("user"),
            trim(col(columns.item()).cast(DataTypes.StringType)).as("item"), value.as(V), time.as(T))
        .withColumn(POS, monotonically_increasing_id())
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      long n = raw.count();
      if (n == 0) {
        throw new IllegalArgumentException("the interaction frame has no rows");
      }
      Column bad = col("user").isNull().or(col("user").equalTo("")).or(col("item").isNull())
          .or(col("item").equalTo("")).or(col(V).isNull()).or(col(V).isNaN())
          .or(col(V).equalTo(Float.POSITIVE_INFINITY)).or(col(V).equalTo(Float.NEGATIVE_INFINITY));
      if (columns.timestamp() != null) {
        bad = bad.or(col(T).isNull());
      }
      List<Row> first = raw.filter(bad).orderBy(POS).limit(1).collectAsList();
      if (!first.isEmpty()) {
        throw new IllegalArgumentException(describe(first.get(0), columns));
      }
      SparkSession spark = frame.sparkSession();
      org.apache.spark.sql.Dataset<Row> userIds = indexIds(spark, raw, "user", U);
      org.apache.spark.sql.Dataset<Row> itemIds = indexIds(spark, raw, "item", I);
      IdIndex users = collectIds(userIds, "user", U);
      IdIndex items = collectIds(itemIds, "item", I);
      org.apache.spark.sql.Dataset<Row> events = raw.join(userIds, "user").join(itemIds, "item")
          .select(col(U), col(I), col(V), col(T), col(POS)).persist(StorageLevel.MEMORY_AND_DISK());
      long eventCount = events.count();
      userIds.unpersist();
      itemIds.unpersist();
      org.apache.spark.sql.Dataset<Row> cells = cellsOf(events, binary);
      long cellCount = cells.count();
      return new SparkInteractions(users, items, events, cells, binary, columns.timestamp() != null, eventCount,
          cellCount);
    } finally {
      raw.unpersist();
    }
  }

  /** Sums repeated (user, item) events into one cell, in float as the in-process matrix does. */
  static org.apache.spark.sql.Dataset<Row> cellsOf(org.apache.spark.sql.Dataset<Row> events, boolean binary) {
    Column v = binary ? lit(1.0f) : sum(col(V)).cast(DataTypes.FloatType);
    return events.groupBy(col(U), col(I)).agg(v.as(V)).persist(StorageLevel.MEMORY_AND_DISK());
  }

  private static void requireColumns(org.apache.spark.sql.Dataset<Row> frame, ColumnMapping columns) {
    Set<String> present = new HashSet<>(Arrays.asList(frame.columns()));
    for (String c : new String[] {columns.user(), columns.item(), columns.value(), columns.timestamp()}) {
      if (c != null && !present.contains(c)) {
        throw new IllegalArgumentException("column '" + c + "' is not in the frame; it has "
            + Arrays.toString(frame.columns()));
      }
    }
  }

  private static String describe(Row row, ColumnMapping columns) {
    String user = row.getString(0);
    String item = row.getString(1);
    String where = "the event of user '" + user + "' and item '" + item + "'";
    if (user == null || user.isEmpty()) {
      return where + " has no user id (column '" + columns.user() + "')";
    }
    if (item == null || item.isEmpty()) {
      return where + " has no item id (column '" + columns.item() + "')";
    }
    if (row.isNullAt(2)) {
      return where + " has no numeric value (column '" + columns.value() + "')";
    }
    if (!Float.isFinite(row.getFloat(2))) {
      return where + " has the non-finite value " + row.getFloat(2) + " (column '" + columns.value() + "')";
    }
    return where + " has no integral timestamp (column '" + columns.timestamp() + "')";
  }

  /** Numbers the distinct values of {@code column} by first appearance: (column, index) pairs, persisted. */
  private static org.apache.spark.sql.Dataset<Row> indexIds(SparkSession spark, org.apache.spark.sql.Dataset<Row> raw,
      String column, String indexColumn) {
    org.apache.spark.sql.Dataset<Row> first = raw.groupBy(col(column)).agg(min(col(POS)).as("first"))
        .orderBy(col("first"));
    JavaRDD<Row> numbered = first.toJavaRDD().zipWithIndex()
        .map(t -> RowFactory.create(t._1().getString(0), Math.toIntExact(t._2())));
    StructType schema = new StructType().add(column, DataTypes.StringType, false)
        .add(indexColumn, DataTypes.IntegerType, false);
    return spark.createDataFrame(numbered, schema).persist(StorageLevel.MEMORY_AND_DISK());
  }

  private static IdIndex collectIds(org.apache.spark.sql.Dataset<Row> ids, String column, String indexColumn) {
    List<Row> rows = ids.orderBy(col(indexColumn)).select(col(column)).collectAsList();
    IdIndex.Builder b = new IdIndex.Builder();
    for (Row r : rows) {
      b.add(r.getString(0));
    }
    return b.build();
  }

  /** User ids, by first appearance. */
  public IdIndex users() {
    return users;
  }

  /** Item ids, by first appearance. */
  public IdIndex items() {
    return items;
  }

  /**
   * The events: {@code u} (int user index), {@code i} (int item index), {@code v} (float value), {@code t}
   * (long seconds, null without a timestamp column) and {@code pos} (long, increasing in the frame's order).
   */
  public org.apache.spark.sql.Dataset<Row> events() {
    return events;
  }

  /** The matrix cells, one per distinct (user, item): {@code u}, {@code i}, {@code v} (float). */
  public org.apache.spark.sql.Dataset<Row> cells() {
    return cells;
  }

  /** Whether every cell is 1. */
  public boolean binary() {
    return binary;
  }

  /** Whether the events carry timestamps. */
  public boolean hasTimestamps() {
    return timestamps;
  }

  /** Number of events. */
  public long eventCount() {
    return eventCount;
  }

  /** Number of cells (distinct user-item pairs). */
  public long cellCount() {
    return cellCount;
  }

  /**
   * Collects the events to the driver as an in-process {@link Dataset} on the same indexes, in the frame's
   * order: for data that fits one JVM (comparisons, tests).
   *
   * @return the dataset, binarised if these interactions are
   */
  public Dataset toDataset() {
    InteractionLog.Builder log = InteractionLog.builder().knownUsers(users).knownItems(items);
    for (Row r : events.orderBy(col(POS)).collectAsList()) {
      String user = users.idOf(r.getInt(0));
      String item = items.idOf(r.getInt(1));
      if (r.isNullAt(3)) {
        log.add(user, item, r.getFloat(2));
      } else {
        log.add(user, item, r.getFloat(2), r.getLong(3));
      }
    }
    return Dataset.builder(log.build()).binary(binary).build();
  }

  /** Unpersists the frames. */
  public void release() {
    events.unpersist();
    cells.unpersist();
  }
}
