package io.github.kindred.data.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kindred.data.InteractionLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed files: each bad line fails a strict read with the file name, the line number and a reason, leaving the
 * builder untouched, and is skipped and counted by a lenient read. Encoding errors and runaway lines never exhaust
 * memory. The tests try 33 malformed inputs in all (20 bad lines, 4 byte-level encoding errors,
 * 6 whole-file problems, a 10 MB line, an endless line and a runaway quote), most both strict and lenient.
 */
class MalformedInputTest {
  private static final String HEADER = "user,item,rating,time\n";
  private static final String GOOD_1 = "u1,i1,4,100\n";
  private static final String GOOD_2 = "u2,i2,3,200\n";

  @TempDir
  Path dir;

  private static DelimitedFormat format(boolean lenient) {
    return DelimitedFormat.builder().user("user").item("item").value("rating").timestamp("time").lenient(lenient)
        .build();
  }

  /** One malformed third line, between two good ones, and a fragment its reason must contain. */
  static Stream<Arguments> badLines() {
    return Stream.of(
        Arguments.of("missing column", "u3,i3,5\n", "expected 4 fields"),
        Arguments.of("missing two columns", "u3,i3\n", "expected 4 fields"),
        Arguments.of("extra column", "u3,i3,5,300,x\n", "expected 4 fields"),
        Arguments.of("wrong separator", "u3;i3;5;300\n", "separated by ','"),
        Arguments.of("tab separated", "u3\ti3\t5\t300\n", "separated by ','"),
        Arguments.of("value not a number", "u3,i3,abc,300\n", "'abc' is not a number"),
        Arguments.of("value NaN", "u3,i3,NaN,300\n", "not a finite number"),
        Arguments.of("value infinite", "u3,i3,Infinity,300\n", "not a finite number"),
        Arguments.of("value overflows float", "u3,i3,1e40,300\n", "not a finite number"),
        Arguments.of("empty value", "u3,i3,,300\n", "is not a number"),
        Arguments.of("fractional timestamp", "u3,i3,5,12.5\n", "timestamp '12.5'"),
        Arguments.of("timestamp overflows long", "u3,i3,5,99999999999999999999\n", "timestamp"),
        Arguments.of("blank user", " ,i3,5,300\n", "blank user id"),
        Arguments.of("empty user", ",i3,5,300\n", "blank user id"),
        Arguments.of("blank item", "u3,  ,5,300\n", "blank item id"),
        Arguments.of("text after closing quote", "\"u3\"x,i3,5,300\n", "after the closing quote"),
        Arguments.of("single field", "garbage\n", "expected 4 fields"),
        Arguments.of("only separators", ",,,\n", "blank user id"),
        Arguments.of("line longer than the maximum", "u3,i3,5," + "9".repeat(200) + "\n", "longer than the maximum"),
        Arguments.of("NUL bytes as separator", "u3\0i3\0" + "5\0" + "300\n", "expected 4 fields"));
  }

  private Path file(String name, byte[] content) throws IOException {
    return Files.write(dir.resolve(name), content);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static DelimitedReader reader(boolean lenient) {
    // A small bound so that the "longer than the maximum" case stays small; the 10 MB case below uses the default.
    return new DelimitedReader(format(lenient)).withMaxLineLength(100);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badLines")
  void strictReadNamesFileLineAndReasonAndLeavesTheBuilderUnchanged(String name, String bad, String reason)
      throws IOException {
    Path f = file("bad.csv", utf8(HEADER + GOOD_1 + bad + GOOD_2));
    InteractionLog.Builder builder = InteractionLog.builder().add("u0", "i0", 1f);
    assertThatThrownBy(() -> reader(false).readInto(f, builder))
        .isInstanceOfSatisfying(MalformedDataException.class, e -> {
          assertThat(e.source()).isEqualTo(f.toString());
          assertThat(e.line()).isEqualTo(3);
          assertThat(e.reason()).contains(reason);
          assertThat(e.getMessage()).startsWith(f + " line 3: ");
        });
    InteractionLog log = builder.build();
    assertThat(log.size()).isEqualTo(1);
    assertThat(log.users().ids()).containsExactly("u0");
    assertThat(log.items().ids()).containsExactly("i0");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badLines")
  void lenientReadSkipsAndCountsTheLine(String name, String bad, String reason) throws IOException {
    Path f = file("bad.csv", utf8(HEADER + GOOD_1 + bad + GOOD_2));
    InteractionLog.Builder builder = InteractionLog.builder();
    ReadReport report = reader(true).readInto(f, builder);
    assertThat(report.recordsAdded()).isEqualTo(2);
    assertThat(report.linesSkipped()).isEqualTo(1);
    assertThat(report.linesRead()).isEqualTo(4);
    assertThat(report.firstReasons()).singleElement().asString().startsWith("line 3: ").contains(reason);
    assertThat(builder.build().users().ids()).containsExactly("u1", "u2");
  }

  /** Byte sequences that are not valid UTF-8, put inside the user id of the third line. */
  static Stream<Arguments> badBytes() {
    return Stream.of(
        Arguments.of("truncated two-byte sequence", new byte[] {(byte) 0xC3, '(' }),
        Arguments.of("lone continuation byte", new byte[] {(byte) 0x80}),
        Arguments.of("overlong encoding of '/'", new byte[] {(byte) 0xC0, (byte) 0xAF}),
        Arguments.of("encoded surrogate", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badBytes")
  void invalidUtf8FailsInBothModesNamingTheFileAndCharset(String name, byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(utf8(HEADER + GOOD_1 + "u"));
    out.writeBytes(bytes);
    out.writeBytes(utf8(",i3,5,300\n" + GOOD_2));
    Path f = file("enc.csv", out.toByteArray());
    for (boolean lenient : new boolean[] {false, true}) {
      InteractionLog.Builder builder = InteractionLog.builder();
      assertThatThrownBy(() -> reader(lenient).readInto(f, builder))
          .isInstanceOfSatisfying(MalformedDataException.class, e -> {
            assertThat(e.source()).isEqualTo(f.toString());
            // The decoder reads ahead, so the error names a line at or before the bad bytes.
            assertThat(e.line()).isBetween(1L, 3L);
            assertThat(e.reason()).contains("not valid UTF-8");
          });
      assertThat(builder.size()).isZero();
    }
  }

  @Test
  void aTenMegabyteLineFailsStrictAndIsSkippedLenientWithoutHoldingIt() throws IOException {
    char[] huge = new char[10 * 1024 * 1024];
    Arrays.fill(huge, 'x');
    String content = HEADER + GOOD_1 + "u3,i3,5,300" + new String(huge) + "\n" + GOOD_2;
    Path f = file("huge.csv", utf8(content));
    DelimitedReader strict = new DelimitedReader(format(false));
    assertThat(strict.maxLineLength()).isEqualTo(DelimitedReader.DEFAULT_MAX_LINE_LENGTH);
    assertThatThrownBy(() -> strict.read(f))
        .isInstanceOfSatisfying(MalformedDataException.class, e -> {
          assertThat(e.line()).isEqualTo(3);
          assertThat(e.reason()).contains("longer than the maximum of 1048576 characters");
        });
    ReadReport report = new DelimitedReader(format(true)).readInto(f, InteractionLog.builder());
    assertThat(report.recordsAdded()).isEqualTo(2);
    assertThat(report.linesSkipped()).isEqualTo(1);
  }

  @Test
  void aLongLineWithoutAnyLineBreakFromAnEndlessReaderIsRejectedEarly() {
    // A reader that never ends: the read must stop at the bound instead of buffering forever.
    Reader endless = new Reader() {
      @Override
      public int read(char[] buf, int off, int len) {
        Arrays.fill(buf, off, off + len, 'a');
        return len;
      }

      @Override
      public void close() {}
    };
    DelimitedReader r = new DelimitedReader(format(false)).withMaxLineLength(10_000);
    assertThatThrownBy(() -> r.readInto(endless, "stream", InteractionLog.builder()))
        .isInstanceOfSatisfying(MalformedDataException.class, e -> {
          assertThat(e.source()).isEqualTo("stream");
          assertThat(e.line()).isEqualTo(1);
          assertThat(e.reason()).contains("longer than the maximum of 10000 characters");
        });
  }

  @Test
  void anUnclosedQuoteCannotSwallowTheRestOfAHugeFile() throws IOException {
    StringBuilder body = new StringBuilder(HEADER).append(GOOD_1).append("\"u3,i3,5,300\n");
    for (int i = 0; i < 50; i++) {
      body.append("u").append(i).append(",i,1,1\n");
    }
    Path f = file("quote.csv", utf8(body.toString()));
    for (boolean lenient : new boolean[] {false, true}) {
      assertThatThrownBy(() -> reader(lenient).read(f))
          .isInstanceOfSatisfying(MalformedDataException.class, e -> {
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.reason()).contains("quoted field runs over more than the maximum of 100 characters");
          });
    }
  }

  /** Problems with the file as a whole, which fail in both modes; the fragment the reason must contain. */
  static Stream<Arguments> badFiles() {
    return Stream.of(
        Arguments.of("empty file", "", "empty"),
        Arguments.of("only blank lines", "\n  \n\t\n", "empty"),
        Arguments.of("header only", HEADER, "header but no data lines"),
        Arguments.of("header with the wrong separator", "user;item;rating;time\nu1;i1;4;100\n", "no column 'user'"),
        Arguments.of("header lacks a column", "user,item,time\nu1,i1,100\n", "no column 'rating'"),
        Arguments.of("unclosed quote at the end", HEADER + "\"u1,i1,4,100\n", "not closed"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFiles")
  void wholeFileProblemsFailInBothModes(String name, String content, String reason) throws IOException {
    Path f = file("f.csv", utf8(content));
    for (boolean lenient : new boolean[] {false, true}) {
      if (lenient && name.equals("unclosed quote at the end")) {
        // Lenient mode skips and counts the unclosed record like any other malformed one.
        ReadReport report = reader(true).readInto(f, InteractionLog.builder());
        assertThat(report.linesSkipped()).isEqualTo(1);
        assertThat(report.firstReasons()).singleElement().asString().contains(reason);
        continue;
      }
      assertThatThrownBy(() -> reader(lenient).read(f))
          .isInstanceOfSatisfying(MalformedDataException.class, e -> {
            assertThat(e.source()).isEqualTo(f.toString());
            assertThat(e.reason()).contains(reason);
          });
    }
  }

  @Test
  void blankLinesAndAllLineTerminatorsAreAcceptedAndCountedAsLines() throws IOException {
    Path f = file("ok.csv", utf8("user,item,rating,time\r\nu1,i1,4,100\r\n\r\n   \nu2,i2,3,200\ru3,i3,2,300"));
    ReadReport report = reader(false).readInto(f, InteractionLog.builder());
    assertThat(report.recordsAdded()).isEqualTo(3);
    assertThat(report.linesRead()).isEqualTo(6);
    assertThat(report.linesSkipped()).isZero();
  }

  @Test
  void aLineOfExactlyTheMaximumIsAccepted() throws IOException {
    String line = "u" + "x".repeat(100 - 10) + ",i1,4,100";
    assertThat(line).hasSize(100);
    Path f = file("edge.csv", utf8(HEADER + line + "\n"));
    assertThat(reader(false).read(f).size()).isEqualTo(1);
    assertThatThrownBy(() -> new DelimitedReader(format(false)).withMaxLineLength(0))
        .hasMessageContaining("maxLineLength must be >= 1, got 0");
  }
}
