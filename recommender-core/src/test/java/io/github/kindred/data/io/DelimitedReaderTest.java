package io.github.kindred.data.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kindred.data.Context;
import io.github.kindred.data.EventTypes;
import io.github.kindred.data.InteractionLog;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DelimitedReaderTest {
  @TempDir
  Path dir;

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  private static DelimitedFormat.Builder csv() {
    return DelimitedFormat.builder().user("user").item("item").value("rating").timestamp("time");
  }

  @Test
  void readsCsvByHeaderNamesInFileOrder() throws IOException {
    Path file = write("r.csv", "user,item,rating,time\nu1,i1,4.5,100\nu2,i1,3,200\nu1,i2,1,300\n");
    InteractionLog log = new DelimitedReader(csv().build()).read(file);
    assertThat(log.size()).isEqualTo(3);
    assertThat(log.users().ids()).containsExactly("u1", "u2");
    assertThat(log.items().ids()).containsExactly("i1", "i2");
    assertThat(new int[] {log.user(0), log.user(1), log.user(2)}).containsExactly(0, 1, 0);
    assertThat(new int[] {log.item(0), log.item(1), log.item(2)}).containsExactly(0, 0, 1);
    assertThat(new float[] {log.value(0), log.value(1), log.value(2)}).containsExactly(4.5f, 3f, 1f);
    assertThat(new long[] {log.timestamp(0), log.timestamp(1), log.timestamp(2)}).containsExactly(100, 200, 300);
    assertThat(log.eventTypes().name(log.eventType(0))).isEqualTo(EventTypes.DEFAULT);
  }

  @Test
  void columnsMayBeInAnyOrderAndExtraColumnsAreIgnored() throws IOException {
    Path file = write("r.csv", "time,extra,rating,item,user\n7,x,2,a,b\n");
    InteractionLog log = new DelimitedReader(csv().build()).read(file);
    assertThat(log.users().idOf(log.user(0))).isEqualTo("b");
    assertThat(log.items().idOf(log.item(0))).isEqualTo("a");
    assertThat(log.value(0)).isEqualTo(2f);
    assertThat(log.timestamp(0)).isEqualTo(7L);
  }

  @Test
  void readsHeaderlessTabSeparatedByPosition() throws IOException {
    Path file = write("u.data", "196\t242\t3\t881250949\n186\t302\t3\t891717742\n");
    InteractionLog log = new DelimitedReader(DelimitedFormat.tsv()).read(file);
    assertThat(log.size()).isEqualTo(2);
    assertThat(log.items().idOf(log.item(0))).isEqualTo("242");
    assertThat(log.items().indexOf(302L)).isEqualTo(1);
    assertThat(log.timestamp(1)).isEqualTo(891717742L);
  }

  @Test
  void readsMultiCharacterAndPipeSeparators() throws IOException {
    Path dat = write("ratings.dat", "1::1193::5::978300760\n1::661::3::978302109\n");
    DelimitedFormat colons = DelimitedFormat.builder().separator("::").header(false).user(0).item(1).value(2)
        .timestamp(3).build();
    InteractionLog a = new DelimitedReader(colons).read(dat);
    assertThat(a.items().ids()).containsExactly("1193", "661");
    assertThat(a.value(1)).isEqualTo(3f);

    Path pipes = write("p.txt", "x|y|2\n");
    DelimitedFormat pipe = DelimitedFormat.builder().separator('|').header(false).user(0).item(1).value(2).build();
    InteractionLog b = new DelimitedReader(pipe).read(pipes);
    assertThat(b.users().idOf(0)).isEqualTo("x");
    assertThat(b.value(0)).isEqualTo(2f);
  }

  @Test
  void withoutValueColumnEveryEventHasTheDefaultValue() throws IOException {
    Path file = write("e.csv", "user,item\na,x\nb,y\n");
    InteractionLog ones = new DelimitedReader(DelimitedFormat.builder().user("user").item("item").build()).read(file);
    assertThat(new float[] {ones.value(0), ones.value(1)}).containsExactly(1f, 1f);
    assertThat(ones.timestamp(0)).isEqualTo(InteractionLog.NO_TIME);
    DelimitedFormat twos = DelimitedFormat.builder().user("user").item("item").defaultValue(2f).build();
    assertThat(new DelimitedReader(twos).read(file).value(1)).isEqualTo(2f);
  }

  @Test
  void quotedFieldsFollowRfc4180() throws IOException {
    Path file = write("q.csv", "user,item,note\n"
        + "\"u,1\",\"The \"\"Best\"\" one\",plain\n"
        + "u2,\"two\nlines\",\"\"\n"
        + "u3,\"\",x\n");
    DelimitedFormat format = DelimitedFormat.builder().user("user").item("item")
        .context("note", Column.named("note")).lenient(true).build();
    InteractionLog.Builder builder = InteractionLog.builder();
    ReadReport report = new DelimitedReader(format).readInto(file, builder);
    InteractionLog log = builder.build();
    assertThat(log.users().ids()).containsExactly("u,1", "u2");
    assertThat(log.items().ids()).containsExactly("The \"Best\" one", "two\nlines");
    assertThat(log.context(0)).isEqualTo(Context.of("note", "plain"));
    assertThat(log.context(1)).isEqualTo(Context.EMPTY);
    // The quoted record spans lines 3 and 4, so the blank item id is on line 5.
    assertThat(report.linesRead()).isEqualTo(5);
    assertThat(report.recordsAdded()).isEqualTo(2);
    assertThat(report.firstReasons()).containsExactly("line 5: blank item id");
  }

  @Test
  void quotesAreOrdinaryCharactersWhenQuotingIsOff() throws IOException {
    Path file = write("q.txt", "\"a\"::b\n");
    DelimitedFormat format = DelimitedFormat.builder().separator("::").header(false).quoted(false).user(0)
        .item(1).build();
    assertThat(new DelimitedReader(format).read(file).users().idOf(0)).isEqualTo("\"a\"");
  }

  @Test
  void unclosedQuoteAndTextAfterClosingQuoteFail() throws IOException {
    Path open = write("open.csv", "user,item\na,b\nc,\"d\n");
    assertThatThrownBy(() -> new DelimitedReader(DelimitedFormat.builder().user("user").item("item").build())
        .read(open))
        .isInstanceOf(MalformedDataException.class)
        .hasMessageContaining("open.csv line 3: ")
        .hasMessageContaining("not closed");
    Path after = write("after.csv", "user,item\n\"a\"x,b\n");
    assertThatThrownBy(() -> new DelimitedReader(DelimitedFormat.builder().user("user").item("item").build())
        .read(after))
        .isInstanceOf(MalformedDataException.class)
        .hasMessageContaining("after.csv line 2: unexpected 'x' after the closing quote");
  }

  @Test
  void wrongColumnCountNamesFileLineAndCounts() throws IOException {
    Path file = write("bad.csv", "user,item,rating,time\na,b,1,5\nc,d,2\n");
    assertThatThrownBy(() -> new DelimitedReader(csv().build()).read(file))
        .isInstanceOfSatisfying(MalformedDataException.class, e -> {
          assertThat(e.line()).isEqualTo(3);
          assertThat(e.source()).endsWith("bad.csv");
          assertThat(e.reason()).isEqualTo("expected 4 fields separated by ',' but found 3");
        })
        .hasMessageEndingWith("bad.csv line 3: expected 4 fields separated by ',' but found 3");
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      "abc;value 'abc' is not a number",
      "NaN;value 'NaN' is not a finite number",
      "Infinity;value 'Infinity' is not a finite number",
      "1e40;value '1e40' is not a finite number",
      "'';value '' is not a number"})
  void badValuesFailWithTheReason(String value, String reason) throws IOException {
    Path file = write("v.csv", "user,item,rating,time\na,b,1,5\nc,d," + value + ",6\n");
    assertThatThrownBy(() -> new DelimitedReader(csv().build()).read(file))
        .isInstanceOfSatisfying(MalformedDataException.class, e -> {
          assertThat(e.line()).isEqualTo(3);
          assertThat(e.reason()).isEqualTo(reason);
        });
  }

  @Test
  void badTimestampsAndBlankIdsFail() throws IOException {
    Path time = write("t.csv", "user,item,rating,time\na,b,1,12.5\n");
    assertThatThrownBy(() -> new DelimitedReader(csv().build()).read(time))
        .hasMessageEndingWith("t.csv line 2: timestamp '12.5' is not a whole number of seconds");
    Path user = write("u.csv", "user,item,rating,time\n  ,b,1,1\n");
    assertThatThrownBy(() -> new DelimitedReader(csv().build()).read(user))
        .hasMessageEndingWith("u.csv line 2: blank user id");
  }

  @Test
  void emptyTimestampMeansUnknownAndFieldsAreStripped() throws IOException {
    Path file = write("s.csv", "user,item,rating,time\n a , b , 2 ,\n");
    InteractionLog log = new DelimitedReader(csv().build()).read(file);
    assertThat(log.users().idOf(0)).isEqualTo("a");
    assertThat(log.items().idOf(0)).isEqualTo("b");
    assertThat(log.value(0)).isEqualTo(2f);
    assertThat(log.timestamp(0)).isEqualTo(InteractionLog.NO_TIME);
  }

  @Test
  void eventTypesAreWeightedAndUnknownTypesFail() throws IOException {
    Path file = write("e.csv", "user,item,type\na,x,purchase\na,y,click\n");
    DelimitedFormat format = DelimitedFormat.builder().user("user").item("item").eventType("type").build();
    InteractionLog log = new DelimitedReader(format).read(file);
    assertThat(log.eventTypes().name(log.eventType(0))).isEqualTo("purchase");
    assertThat(log.weightedValue(0)).isEqualTo(8f);
    assertThat(log.weightedValue(1)).isEqualTo(2f);

    Path unknown = write("x.csv", "user,item,type\na,x,purchase\na,y,wishlist\n");
    assertThatThrownBy(() -> new DelimitedReader(format).read(unknown))
        .hasMessageEndingWith("x.csv line 3: unknown event type 'wishlist'");
    InteractionLog custom = new DelimitedReader(format).read(unknown, EventTypes.defaults().with("wishlist", 3f));
    assertThat(custom.weightedValue(1)).isEqualTo(3f);
  }

  @Test
  void contextColumnsBecomeNamedContextFeatures() throws IOException {
    Path file = write("c.csv", "user,item,device,district\na,x,phone,north\nb,x,,south\nc,y,tablet,\n");
    DelimitedFormat format = DelimitedFormat.builder().user("user").item("item").context("device")
        .context("region", Column.at(3)).build();
    InteractionLog log = new DelimitedReader(format).read(file);
    assertThat(log.contextNames()).containsExactly("device", "region");
    assertThat(log.context(0)).isEqualTo(Context.of("device", "phone", "region", "north"));
    assertThat(log.context(1)).isEqualTo(Context.of("region", "south"));
    assertThat(log.context(2)).isEqualTo(Context.of("device", "tablet"));
  }

  @Test
  void unknownColumnNameListsTheHeader() throws IOException {
    Path file = write("h.csv", "userId,movieId,rating\n1,2,3\n");
    DelimitedFormat format = DelimitedFormat.builder().user("userId").item("itemId").value("rating").build();
    assertThatThrownBy(() -> new DelimitedReader(format).read(file))
        .isInstanceOf(MalformedDataException.class)
        .hasMessageEndingWith(
            "h.csv line 1: no column 'itemId' (the item column) in the header; its columns are [userId, movieId,"
                + " rating]");
  }

  @Test
  void positionBeyondTheHeaderAndDoubleMappingFail() throws IOException {
    Path file = write("h.csv", "a,b\n1,2\n");
    assertThatThrownBy(() -> new DelimitedReader(DelimitedFormat.builder().user("a").item(5).build()).read(file))
        .hasMessageContaining("the item column #5 is beyond the header's 2 columns [a, b]");
    assertThatThrownBy(() -> new DelimitedReader(DelimitedFormat.builder().user("a").item(0).build()).read(file))
        .hasMessageContaining("column #0 is mapped twice: to user and to item");
  }

  @Test
  void emptyFilesFailClearly() throws IOException {
    DelimitedReader withHeader = new DelimitedReader(csv().build());
    assertThatThrownBy(() -> withHeader.read(write("empty.csv", "")))
        .isInstanceOfSatisfying(MalformedDataException.class, e -> assertThat(e.line()).isZero())
        .hasMessageEndingWith("empty.csv: the file is empty (expected a header line)");
    assertThatThrownBy(() -> withHeader.read(write("header.csv", "user,item,rating,time\n\n")))
        .hasMessageEndingWith("header.csv: the file has a header but no data lines");
    DelimitedReader lenient = new DelimitedReader(DelimitedFormat.tsv().withLenient(true));
    assertThatThrownBy(() -> lenient.read(write("blank.tsv", "\n  \n")))
        .hasMessageEndingWith("blank.tsv: the file is empty");
  }

  @Test
  void wrongSeparatorFails() throws IOException {
    Path tabs = write("tabs.csv", "user\titem\trating\ttime\na\tb\t1\t2\n");
    assertThatThrownBy(() -> new DelimitedReader(csv().build()).read(tabs))
        .hasMessageContaining("no column 'user' (the user column) in the header; its columns are"
            + " [user\titem\trating\ttime]");
    Path headerless = write("tabs.txt", "a\tb\t1\t2\n");
    DelimitedFormat commas = DelimitedFormat.builder().header(false).user(0).item(1).value(2).timestamp(3).build();
    assertThatThrownBy(() -> new DelimitedReader(commas).read(headerless))
        .hasMessageEndingWith("tabs.txt line 1: expected at least 4 fields separated by ',' but found 1");
  }

  @Test
  void lenientModeSkipsAndCountsBadLines() throws IOException {
    Path file = write("l.csv", "user,item,rating,time\n"
        + "a,x,1,1\n"
        + "b,y,oops,2\n"
        + "\n"
        + "c,z,3\n"
        + "d,x,NaN,4\n"
        + "e,y,5,5\n");
    InteractionLog.Builder builder = InteractionLog.builder();
    ReadReport report = new DelimitedReader(csv().lenient(true).build()).readInto(file, builder);
    assertThat(report.linesRead()).isEqualTo(7);
    assertThat(report.recordsAdded()).isEqualTo(2);
    assertThat(report.linesSkipped()).isEqualTo(3);
    assertThat(report.firstReasons()).containsExactly(
        "line 3: value 'oops' is not a number",
        "line 5: expected 4 fields separated by ',' but found 3",
        "line 6: value 'NaN' is not a finite number");
    assertThat(report.source()).endsWith("l.csv");
    InteractionLog log = builder.build();
    assertThat(log.users().ids()).containsExactly("a", "e");
    assertThat(log.items().ids()).containsExactly("x", "y");
  }

  @Test
  void lenientReportKeepsOnlyTheFirstReasons() throws IOException {
    StringBuilder content = new StringBuilder("user,item,rating,time\n");
    for (int i = 0; i < ReadReport.MAX_REASONS + 5; i++) {
      content.append("u,i,bad").append(i).append(",1\n");
    }
    content.append("u,i,1,1\n");
    ReadReport report = new DelimitedReader(csv().lenient(true).build())
        .readInto(write("many.csv", content.toString()), InteractionLog.builder());
    assertThat(report.linesSkipped()).isEqualTo(ReadReport.MAX_REASONS + 5);
    assertThat(report.firstReasons()).hasSize(ReadReport.MAX_REASONS);
    assertThat(report.firstReasons().get(0)).isEqualTo("line 2: value 'bad0' is not a number");
    assertThat(report.recordsAdded()).isEqualTo(1);
  }

  @Test
  void strictFailureLeavesTheBuilderAsItWas() throws IOException {
    Path train = write("train.csv", "user,item,device\na,x,phone\nb,y,tv\n");
    Path bad = write("bad.csv", "user,item,device\nc,z,tablet\nd,x,phone\na,\n");
    DelimitedFormat format = DelimitedFormat.builder().user("user").item("item").context("device").build();
    DelimitedReader reader = new DelimitedReader(format);
    InteractionLog.Builder builder = InteractionLog.builder();
    reader.readInto(train, builder);
    assertThatThrownBy(() -> reader.readInto(bad, builder)).hasMessageContaining("bad.csv line 4");
    assertThat(builder.size()).isEqualTo(2);
    InteractionLog log = builder.build();
    assertThat(log.users().ids()).containsExactly("a", "b");
    assertThat(log.items().ids()).containsExactly("x", "y");
    assertThat(log.contextValues(0).ids()).containsExactly("phone", "tv");
    // The rolled-back ids are free again: the next read assigns the next dense indexes.
    Path good = write("good.csv", "user,item,device\nd,w,radio\n");
    reader.readInto(good, builder);
    InteractionLog after = builder.build();
    assertThat(after.users().indexOf("d")).isEqualTo(2);
    assertThat(after.items().indexOf("w")).isEqualTo(2);
    assertThat(after.contextValues(0).ids()).containsExactly("phone", "tv", "radio");
  }

  @Test
  void trainAndTestShareIndexesThroughOneBuilder() throws IOException {
    DelimitedReader reader = new DelimitedReader(DelimitedFormat.tsv());
    InteractionLog.Builder builder = InteractionLog.builder();
    reader.readInto(write("train.tsv", "1\t10\t5\t100\n2\t20\t4\t200\n"), builder);
    int trainSize = builder.size();
    reader.readInto(write("test.tsv", "2\t10\t3\t300\n3\t30\t1\t400\n"), builder);
    InteractionLog all = builder.build();
    assertThat(trainSize).isEqualTo(2);
    assertThat(all.items().ids()).containsExactly("10", "20", "30");
    assertThat(all.user(2)).isEqualTo(all.users().indexOf("2")).isEqualTo(1);
    assertThat(all.item(2)).isEqualTo(0);
  }

  @Test
  void charsetIsConfigurableAndInvalidBytesNameTheLine() throws IOException {
    byte[] latin1 = "u,i\na,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
    Path file = Files.write(dir.resolve("latin.csv"), latin1);
    DelimitedFormat format = DelimitedFormat.builder().user("u").item("i")
        .charset(StandardCharsets.ISO_8859_1).build();
    assertThat(new DelimitedReader(format).read(file).items().idOf(0)).isEqualTo("caf\u00e9");
    DelimitedFormat utf8 = format.toBuilder().charset(StandardCharsets.UTF_8).build();
    assertThatThrownBy(() -> new DelimitedReader(utf8).read(file))
        .isInstanceOf(MalformedDataException.class)
        .hasMessageEndingWith("latin.csv line 1: bytes that are not valid UTF-8 at or after this line");
  }

  @Test
  void byteOrderMarkBeforeTheHeaderIsDropped() throws IOException {
    Path file = write("bom.csv", "\uFEFFuser,item\na,b\n");
    InteractionLog log = new DelimitedReader(DelimitedFormat.builder().user("user").item("item").build()).read(file);
    assertThat(log.users().idOf(0)).isEqualTo("a");
  }

  @Test
  void readsFromAReaderWithASourceLabel() throws IOException {
    DelimitedReader reader = new DelimitedReader(DelimitedFormat.tsv());
    InteractionLog.Builder builder = InteractionLog.builder();
    ReadReport report = reader.readInto(new StringReader("1\t2\t3\t4\n"), "memory", builder);
    assertThat(report).isEqualTo(new ReadReport("memory", 1, 1, 0, java.util.List.of()));
    assertThatThrownBy(() -> reader.readInto(new StringReader("1\t2\tx\t4\n"), "memory", builder))
        .hasMessage("memory line 1: value 'x' is not a number");
    assertThat(builder.size()).isEqualTo(1);
  }
}
