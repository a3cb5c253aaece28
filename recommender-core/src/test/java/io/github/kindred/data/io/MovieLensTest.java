package io.github.kindred.data.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kindred.data.Dataset;
import io.github.kindred.data.FeatureTable;
import io.github.kindred.data.InteractionLog;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MovieLensTest {
  private static final Charset LATIN_1 = StandardCharsets.ISO_8859_1;

  @TempDir
  Path dir;

  private Path write(String name, String content, Charset charset) throws IOException {
    return Files.write(dir.resolve(name), content.getBytes(charset));
  }

  /** The features of one entity as "name" to value, for exact comparisons. */
  private static Map<String, Float> features(FeatureTable table, String id) {
    int row = table.rowOf(id);
    assertThat(row).as("row of %s", id).isGreaterThanOrEqualTo(0);
    Map<String, Float> out = new TreeMap<>();
    int[] f = table.featuresOf(row);
    float[] v = table.valuesOf(row);
    for (int k = 0; k < f.length; k++) {
      out.put(table.features().idOf(f[k]), v[k]);
    }
    return out;
  }

  /** A u.item line with the genre flags set at the given positions of {@link MovieLens#GENRES_100K}. */
  private static String item(String id, String title, String date, int... genres) {
    StringBuilder flags = new StringBuilder();
    for (int g = 0; g < 19; g++) {
      boolean on = false;
      for (int x : genres) {
        on |= x == g;
      }
      flags.append('|').append(on ? '1' : '0');
    }
    return id + "|" + title + "|" + date + "||http://us.imdb.com/M/title-exact?x" + flags + "\n";
  }

  private void write100k() throws IOException {
    write("u.data", "196\t242\t3\t881250949\n186\t302\t3\t891717742\n196\t302\t5\t881251000\n", LATIN_1);
    write("u.item", item("242", "Kolya (1996)", "24-Jan-1997", 5)
        + item("302", "L.A. Confidential (1997)", "01-Jan-1997", 6, 10, 13, 16)
        + item("999", "Caf\u00e9 Society", "01-Jan-1994", 0)
        + item("267", "unknown", ""), LATIN_1);
    write("u.user", "196|49|M|writer|55105\n186|39|F|executive|00000\n", LATIN_1);
  }

  @Test
  void genresAndGenreOrderOf100kAreTheNineteenFlags() {
    assertThat(MovieLens.GENRES_100K).hasSize(19);
    assertThat(MovieLens.GENRES_100K.get(0)).isEqualTo("unknown");
    assertThat(MovieLens.GENRES_100K.get(5)).isEqualTo("Comedy");
    assertThat(MovieLens.GENRES_100K.get(18)).isEqualTo("Western");
  }

  @Test
  void uItemFlagsBecomeGenresAndTitlesLoseTheirYear() throws IOException {
    write100k();
    FeatureTable items = MovieLens.readItems100k(dir.resolve("u.item"));
    assertThat(items.entities().ids()).containsExactly("242", "302", "999", "267");
    assertThat(features(items, "242")).containsExactlyInAnyOrderEntriesOf(
        Map.of("genre=Comedy", 1f, "title~kolya", 1f, "year", 1996f));
    assertThat(features(items, "302")).containsExactlyInAnyOrderEntriesOf(Map.of(
        "genre=Crime", 1f, "genre=Film-Noir", 1f, "genre=Mystery", 1f, "genre=Thriller", 1f,
        "title~l", 1f, "title~a", 1f, "title~confidential", 1f, "year", 1997f));
    // No year in the title: the release date gives it; the title is ISO-8859-1.
    assertThat(features(items, "999")).containsExactlyInAnyOrderEntriesOf(Map.of(
        "genre=unknown", 1f, "title~caf\u00e9", 1f, "title~society", 1f, "year", 1994f));
    assertThat(features(items, "267")).containsExactlyInAnyOrderEntriesOf(Map.of("title~unknown", 1f));
    String[] fields = items.fields();
    assertThat(fields).containsExactly("title", "year", "genre");
    assertThat(items.kind(0)).isEqualTo(FeatureTable.Kind.TEXT);
    assertThat(items.kind(1)).isEqualTo(FeatureTable.Kind.NUMERIC);
    assertThat(items.kind(2)).isEqualTo(FeatureTable.Kind.TAG);
  }

  @Test
  void uUserGivesAgeBucketGenderAndOccupation() throws IOException {
    write100k();
    FeatureTable users = MovieLens.readUsers100k(dir.resolve("u.user"));
    assertThat(features(users, "196")).containsExactlyInAnyOrderEntriesOf(Map.of(
        "age", 49f, "ageGroup=45-49", 1f, "gender=M", 1f, "occupation=writer", 1f));
    assertThat(features(users, "186")).containsExactlyInAnyOrderEntriesOf(Map.of(
        "age", 39f, "ageGroup=35-44", 1f, "gender=F", 1f, "occupation=executive", 1f));
  }

  @Test
  void ageGroupsHaveTheMovieLensBoundaries() {
    int[] ages = {0, 17, 18, 24, 25, 34, 35, 44, 45, 49, 50, 55, 56, 90};
    String[] groups = {"<18", "<18", "18-24", "18-24", "25-34", "25-34", "35-44", "35-44", "45-49", "45-49",
        "50-55", "50-55", "56+", "56+"};
    for (int i = 0; i < ages.length; i++) {
      assertThat(MovieLens.ageGroup(ages[i])).as("age %d", ages[i]).isEqualTo(groups[i]);
    }
  }

  @Test
  void load100kKeysFeaturesByTheRatingIds() throws IOException {
    write100k();
    MovieLens.Data data = MovieLens.load100k(dir);
    InteractionLog log = data.log();
    assertThat(log.size()).isEqualTo(3);
    assertThat(log.users().ids()).containsExactly("196", "186");
    assertThat(log.items().ids()).containsExactly("242", "302");
    assertThat(log.value(2)).isEqualTo(5f);
    assertThat(log.timestamp(0)).isEqualTo(881250949L);
    assertThat(data.items().rowsFor(log.items())).containsExactly(0, 1);
    assertThat(data.users().rowsFor(log.users())).containsExactly(0, 1);
    Dataset dataset = data.dataset();
    assertThat(dataset.matrix().nnz()).isEqualTo(3);
    assertThat(dataset.itemFeatures()).isSameAs(data.items());
    assertThat(dataset.userFeatures()).isSameAs(data.users());
    assertThat(MovieLens.load(dir).log().size()).isEqualTo(3);
  }

  @Test
  void badGenreFlagAndWrongFieldCountNameTheLine() throws IOException {
    String good = item("1", "Toy Story (1995)", "01-Jan-1995", 3);
    Path flag = write("flag.item", good + item("2", "GoldenEye (1995)", "01-Jan-1995").replace("|0|0\n", "|0|2\n"),
        LATIN_1);
    assertThatThrownBy(() -> MovieLens.readItems100k(flag))
        .isInstanceOf(MalformedDataException.class)
        .hasMessageEndingWith("flag.item line 2: genre flag of Western must be 0 or 1, got '2'");
    Path shortLine = write("short.item", good + "2|GoldenEye (1995)|01-Jan-1995\n", LATIN_1);
    assertThatThrownBy(() -> MovieLens.readItems100k(shortLine))
        .hasMessageEndingWith("short.item line 2: expected 24 fields separated by '|' but found 3");
    Path age = write("age.user", "1|x|M|writer|1\n", LATIN_1);
    assertThatThrownBy(() -> MovieLens.readUsers100k(age))
        .hasMessageEndingWith("age.user line 1: age 'x' is not a whole number");
    Path empty = write("empty.user", "", LATIN_1);
    assertThatThrownBy(() -> MovieLens.readUsers100k(empty)).hasMessageEndingWith("empty.user: the file is empty");
  }

  @Test
  void reads1mFilesWithDoubleColonSeparators() throws IOException {
    write("ratings.dat", "1::1193::5::978300760\n2::1193::4::978300761\n2::3::1::978300762\n", LATIN_1);
    write("movies.dat", "1193::One Flew Over the Cuckoo's Nest (1975)::Drama\n"
        + "3::\"Great\" Caf\u00e9 (1995)::Comedy|Romance\n", LATIN_1);
    write("users.dat", "1::F::1::10::48067\n2::M::56::16::70072\n", LATIN_1);
    MovieLens.Data data = MovieLens.load1m(dir);
    assertThat(data.log().size()).isEqualTo(3);
    assertThat(data.log().items().ids()).containsExactly("1193", "3");
    assertThat(features(data.items(), "3")).containsExactlyInAnyOrderEntriesOf(Map.of(
        "genre=Comedy", 1f, "genre=Romance", 1f, "title~great", 1f, "title~caf\u00e9", 1f, "year", 1995f));
    assertThat(features(data.items(), "1193")).containsEntry("title~cuckoo", 1f).containsEntry("genre=Drama", 1f)
        .containsEntry("year", 1975f);
    assertThat(features(data.users(), "1")).containsExactlyInAnyOrderEntriesOf(Map.of(
        "age", 1f, "ageGroup=<18", 1f, "gender=F", 1f, "occupation=K-12 student", 1f));
    assertThat(features(data.users(), "2")).containsExactlyInAnyOrderEntriesOf(Map.of(
        "age", 56f, "ageGroup=56+", 1f, "gender=M", 1f, "occupation=self-employed", 1f));
    assertThat(MovieLens.load(dir).log().size()).isEqualTo(3);
  }

  @Test
  void unknownOccupationCodeFails() throws IOException {
    Path users = write("users.dat", "1::F::1::21::48067\n", LATIN_1);
    assertThatThrownBy(() -> MovieLens.readUsers1m(users))
        .hasMessageEndingWith("users.dat line 1: occupation code 21 not in [0, 20]");
  }

  @Test
  void a10mDirectoryWithoutUsersHasNoUserFeatures() throws IOException {
    write("ratings.dat", "1::122::5::838985046\n1::185::4.5::838983525\n", LATIN_1);
    write("movies.dat", "122::Boomerang (1992)::Comedy|Romance\n185::Net, The (1995)::Action|Crime|Thriller\n",
        LATIN_1);
    MovieLens.Data data = MovieLens.load1m(dir);
    assertThat(data.log().value(1)).isEqualTo(4.5f);
    assertThat(data.users().entities().size()).isZero();
    assertThat(data.items().entities().ids()).containsExactly("122", "185");
  }

  @Test
  void readsLatestCsvsWithQuotedTitlesAndTags() throws IOException {
    write("ratings.csv", "userId,movieId,rating,timestamp\n1,1,4.0,964982703\n1,3,4.0,964981247\n",
        StandardCharsets.UTF_8);
    write("movies.csv", "movieId,title,genres\n"
        + "1,Toy Story (1995),Adventure|Animation\n"
        + "3,\"American President, The (1995)\",Comedy|Drama|Romance\n"
        + "5,\"Babylon 5 (1993\u20131998)\",(no genres listed)\n", StandardCharsets.UTF_8);
    write("tags.csv", "userId,movieId,tag,timestamp\n2,1,Pixar,1445714994\n3,1,pixar,1445714995\n"
        + "4,3,\"politics, light\",1445714996\n", StandardCharsets.UTF_8);
    MovieLens.Data data = MovieLens.loadLatest(dir);
    assertThat(data.log().items().ids()).containsExactly("1", "3");
    assertThat(features(data.items(), "3")).containsExactlyInAnyOrderEntriesOf(Map.of(
        "genre=Comedy", 1f, "genre=Drama", 1f, "genre=Romance", 1f, "title~american", 1f, "title~president", 1f,
        "title~the", 1f, "year", 1995f, "tag=politics, light", 1f));
    assertThat(features(data.items(), "1")).containsEntry("tag=pixar", 1f).hasSize(6);
    assertThat(features(data.items(), "5")).containsExactlyInAnyOrderEntriesOf(Map.of(
        "title~babylon", 1f, "title~5", 1f, "year", 1993f));
    assertThat(data.users().entities().size()).isZero();
    assertThat(MovieLens.load(dir).items().featureCount()).isEqualTo(data.items().featureCount());
  }

  @Test
  void latestMoviesNeedTheirHeader() throws IOException {
    Path movies = write("movies.csv", "id,name,genres\n1,Toy Story (1995),Animation\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> MovieLens.readMoviesLatest(movies, null))
        .hasMessageEndingWith("movies.csv line 1: expected the header movieId,title,genres but found id,name,genres");
  }

  @Test
  void aDirectoryWithoutRatingsIsNotMovieLens() {
    assertThatThrownBy(() -> MovieLens.load(dir))
        .isInstanceOf(MalformedDataException.class)
        .hasMessageContaining("not a MovieLens directory");
  }

  @Test
  void ratingFormatsMatchTheLayouts() {
    assertThat(MovieLens.ratings100k().separator()).isEqualTo("\t");
    assertThat(MovieLens.ratings1m().separator()).isEqualTo("::");
    assertThat(MovieLens.ratingsLatest().user()).isEqualTo(Column.named("userId"));
  }
}
