package io.github.kindred.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** One local[2] session for every test class of the module (surefire runs them in one JVM). */
final class LocalSpark {
  private static SparkSession session;

  private LocalSpark() {}

  static synchronized SparkSession session() {
    if (session == null) {
      session = SparkSession.builder().master("local[2]").appName("kindred-spark-tests")
          .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
          .config("spark.default.parallelism", "2").config("spark.driver.host", "127.0.0.1")
          .config("spark.sql.adaptive.enabled", "false").getOrCreate();
      session.sparkContext().setLogLevel("WARN");
    }
    return session;
  }

  private static final StructType EVENTS = new StructType().add("user", DataTypes.StringType, true)
      .add("item", DataTypes.StringType, true).add("value", DataTypes.FloatType, true)
      .add("timestamp", DataTypes.LongType, true);

  /** A frame of (user, item, value, timestamp) rows, in the given order, in one partition (file order). */
  static Dataset<Row> events(Object[]... rows) {
    List<Row> list = new ArrayList<>();
    for (Object[] r : rows) {
      list.add(RowFactory.create(r[0], r[1], r.length > 2 ? r[2] : 1f, r.length > 3 ? r[3] : null));
    }
    return session().createDataFrame(list, EVENTS).coalesce(1);
  }
}
