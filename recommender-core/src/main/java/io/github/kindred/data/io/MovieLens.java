package io.github.kindred.data.io;

import static io.github.kindred.data.io.RecordReader.forEachRecord;

import io.github.kindred.data.Dataset;
import io.github.kindred.data.FeatureTable;
import io.github.kindred.data.InteractionLog;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Readers for the MovieLens datasets of GroupLens: 100K ({@code u.data}, {@code u.item}, {@code u.user}), 1M and
 * 10M ({@code ratings.dat}, {@code movies.dat}, {@code users.dat} with {@code ::} separators) and the "latest"
 * CSV layout ({@code ratings.csv}, {@code movies.csv}, {@code tags.csv}).
 *
 * <p>Item and user features are keyed by the same external id strings as the ratings (for example {@code "242"}).
 * Items get genres as tags (field {@value #GENRE}), title tokens without the trailing year as text (field
 * {@value #TITLE}), and the release year as a number (field {@value #YEAR}, from the title or else the release
 * date). Users get their age as a number ({@value #AGE}), an age bucket ({@value #AGE_GROUP}: {@code <18},
 * {@code 18-24}, {@code 25-34}, {@code 35-44}, {@code 45-49}, {@code 50-55}, {@code 56+}), and gender and
 * occupation as categories ({@value #GENDER}, {@value #OCCUPATION}).
 *
 * <p>The 100K and 1M files are ISO-8859-1, the "latest" files UTF-8. Feature files are read strictly: a malformed
 * line fails with a {@link MalformedDataException} naming the file and line. All methods are stateless and
 * thread-safe.
 */
public final class MovieLens {
  /** Item feature field of genres (tags). */
  public static final String GENRE = "genre";
  /** Item feature field of title tokens (text). */
  public static final String TITLE = "title";
  /** Item feature field of the release year (numeric). */
  public static final String YEAR = "year";
  /** Item feature field of the users' free tags of "latest" {@code tags.csv} (tags, lower case). */
  public static final String TAG = "tag";
  /** User feature field of the age in years (numeric); in 1M, the lower bound of the age bucket. */
  public static final String AGE = "age";
  /** User feature field of the age bucket (categorical). */
  public static final String AGE_GROUP = "ageGroup";
  /** User feature field of the gender (categorical, {@code M} or {@code F}). */
  public static final String GENDER = "gender";
  /** User feature field of the occupation (categorical). */
  public static final String OCCUPATION = "occupation";

  /** The 19 genres of {@code u.item}, in the order of its genre flag columns. */
  public static final List<String> GENRES_100K = List.of("unknown", "Action", "Adventure", "Animation",
      "Children's", "Comedy", "Crime", "Documentary", "Drama", "Fantasy", "Film-Noir", "Horror", "Musical",
      "Mystery", "Romance", "Sci-Fi", "Thriller", "War", "Western");

  /** The occupations of the 1M {@code users.dat}, indexed by their code 0..20. */
  public static final List<String> OCCUPATIONS_1M = List.of("other", "academic/educator", "artist",
      "clerical/admin", "college/grad student", "customer service", "doctor/health care", "executive/managerial",
      "farmer", "homemaker", "K-12 student", "lawyer", "programmer", "retired", "sales/marketing", "scientist",
      "self-employed", "technician/engineer", "tradesman/craftsman", "unemployed", "writer");

  /** The "latest" files' marker of a movie without genres, which is not a genre. */
  private static final String NO_GENRES = "(no genres listed)";

  // A trailing "(1995)", or a range such as "(2006-2007)" for series; the first year is the release year.
  private static final Pattern TITLE_YEAR = Pattern.compile("^(.*?)\\s*\\((\\d{4})(?:[-\u2013]\\d{0,4})?\\)\\s*$");
  // u.item release dates look like "01-Jan-1995".
  private static final Pattern RELEASE_DATE = Pattern.compile("^\\d{1,2}-[A-Za-z]{3}-(\\d{4})$");

  private static final Charset LATIN_1 = StandardCharsets.ISO_8859_1;

  private MovieLens() {}

  /**
   * The events, item features and user features of one MovieLens directory. Immutable.
   *
   * @param log the ratings: user, item, rating, timestamp
   * @param items item features (empty if the directory has no movie file)
   * @param users user features (empty if the directory has no user file)
   */
  public record Data(InteractionLog log, FeatureTable items, FeatureTable users) {
    /**
     * Checks that no part is null.
     *
     * @param log the ratings: user, item, rating, timestamp
     * @param items item features (empty if the directory has no movie file)
     * @param users user features (empty if the directory has no user file)
     */
    public Data {
      Objects.requireNonNull(log, "log");
      Objects.requireNonNull(items, "items");
      Objects.requireNonNull(users, "users");
    }

    /** {@return a dataset of the ratings (duplicates summed, values kept) with both feature tables} */
    public Dataset dataset() {
      return Dataset.builder(log).itemFeatures(items).userFeatures(users).build();
    }
  }

  /** {@return the layout of {@code u.data}: tab-separated {@code user item rating timestamp}, no header} */
  public static DelimitedFormat ratings100k() {
    return DelimitedFormat.tsv().toBuilder().charset(LATIN_1).build();
  }

  /** {@return the layout of 1M/10M {@code ratings.dat}: {@code UserID::MovieID::Rating::Timestamp}, no header} */
  public static DelimitedFormat ratings1m() {
    return DelimitedFormat.builder().separator("::").header(false).quoted(false).charset(LATIN_1)
        .user(0).item(1).value(2).timestamp(3).build();
  }

  /** {@return the layout of "latest" {@code ratings.csv}: header {@code userId,movieId,rating,timestamp}, UTF-8} */
  public static DelimitedFormat ratingsLatest() {
    return DelimitedFormat.builder().user("userId").item("movieId").value("rating").timestamp("timestamp")
        .build();
  }

  /**
   * Reads the whole 100K directory: {@code u.data}, and {@code u.item} and {@code u.user} if present.
   *
   * @param dir the unpacked {@code ml-100k} directory
   * @return 100,000 ratings of 943 users on 1,682 movies for the published file, with the feature tables
   * @throws MalformedDataException if a file is malformed (strictly)
   * @throws IOException if a file cannot be read
   */
  public static Data load100k(Path dir) throws IOException {
    return new Data(new DelimitedReader(ratings100k()).read(dir.resolve("u.data")),
        readIfPresent(dir.resolve("u.item"), MovieLens::readItems100k),
        readIfPresent(dir.resolve("u.user"), MovieLens::readUsers100k));
  }

  /**
   * Reads a whole 1M or 10M directory: {@code ratings.dat}, and {@code movies.dat} and {@code users.dat} if
   * present (10M has no users file).
   *
   * @param dir the unpacked {@code ml-1m} or {@code ml-10M100K} directory
   * @return the ratings with the feature tables (user features empty for 10M)
   * @throws MalformedDataException if a file is malformed (strictly)
   * @throws IOException if a file cannot be read
   */
  public static Data load1m(Path dir) throws IOException {
    return new Data(new DelimitedReader(ratings1m()).read(dir.resolve("ratings.dat")),
        readIfPresent(dir.resolve("movies.dat"), MovieLens::readMovies1m),
        readIfPresent(dir.resolve("users.dat"), MovieLens::readUsers1m));
  }

  /**
   * Reads a whole "latest" directory: {@code ratings.csv}, and {@code movies.csv} (with {@code tags.csv}) if
   * present. There are no user features.
   *
   * @param dir the unpacked {@code ml-latest} or {@code ml-latest-small} directory
   * @return the ratings (half stars, 0.5 to 5) with the item features and an empty user table
   * @throws MalformedDataException if a file is malformed (strictly)
   * @throws IOException if a file cannot be read
   */
  public static Data loadLatest(Path dir) throws IOException {
    Path tags = dir.resolve("tags.csv");
    return new Data(new DelimitedReader(ratingsLatest()).read(dir.resolve("ratings.csv")),
        readIfPresent(dir.resolve("movies.csv"), movies -> readMoviesLatest(movies, Files.exists(tags) ? tags : null)),
        FeatureTable.empty());
  }

  /**
   * Reads a MovieLens directory of any of the three layouts, recognised by its ratings file ({@code u.data},
   * {@code ratings.dat} or {@code ratings.csv}).
   *
   * @param dir the unpacked MovieLens directory
   * @return what {@link #load100k}, {@link #load1m} or {@link #loadLatest} returns for it
   * @throws MalformedDataException if the directory has none of the ratings files, or a file is malformed
   * @throws IOException if a file cannot be read
   */
  public static Data load(Path dir) throws IOException {
    if (Files.exists(dir.resolve("u.data"))) {
      return load100k(dir);
    }
    if (Files.exists(dir.resolve("ratings.dat"))) {
      return load1m(dir);
    }
    if (Files.exists(dir.resolve("ratings.csv"))) {
      return loadLatest(dir);
    }
    throw new MalformedDataException(dir.toString(), 0,
        "not a MovieLens directory: it has none of u.data, ratings.dat, ratings.csv");
  }

  /**
   * Reads {@code u.item}: {@code id|title|release date|video release date|IMDb URL|} and 19 genre flags (0 or 1)
   * in the order of {@link #GENRES_100K}.
   *
   * @param file the {@code u.item} file, ISO-8859-1
   * @return one row per movie: title tokens, year (from the title, else the release date) and genres
   * @throws MalformedDataException if a line has other than 24 fields, a blank id or a genre flag other than 0/1
   * @throws IOException if the file cannot be read
   */
  public static FeatureTable readItems100k(Path file) throws IOException {
    FeatureTable.Builder table = FeatureTable.builder();
    forEachRecord(file, "|", false, LATIN_1, 5 + GENRES_100K.size(), (f, line) -> {
      String id = id(f[0]);
      table.entity(id);
      String year = movieTitle(table, id, f[1]);
      if (year == null) {
        Matcher date = RELEASE_DATE.matcher(f[2].strip());
        if (date.matches()) {
          year = date.group(1);
        }
      }
      if (year != null) {
        table.numeric(id, YEAR, Integer.parseInt(year));
      }
      for (int g = 0; g < GENRES_100K.size(); g++) {
        String flag = f[5 + g].strip();
        if (flag.equals("1")) {
          table.tags(id, GENRE, GENRES_100K.get(g));
        } else if (!flag.equals("0")) {
          throw new IllegalArgumentException(
              "genre flag of " + GENRES_100K.get(g) + " must be 0 or 1, got '" + flag + "'");
        }
      }
    });
    return table.build();
  }

  /**
   * Reads {@code u.user}: {@code id|age|gender|occupation|zip}. The zip code is not kept.
   *
   * @param file the {@code u.user} file, ISO-8859-1
   * @return one row per user: age, age group, gender and occupation
   * @throws MalformedDataException if a line has other than 5 fields, a blank id or an age outside [0, 150]
   * @throws IOException if the file cannot be read
   */
  public static FeatureTable readUsers100k(Path file) throws IOException {
    FeatureTable.Builder table = FeatureTable.builder();
    forEachRecord(file, "|", false, LATIN_1, 5, (f, line) -> {
      String id = id(f[0]);
      int age = age(f[1]);
      table.entity(id);
      table.numeric(id, AGE, age);
      table.categorical(id, AGE_GROUP, ageGroup(age));
      table.categorical(id, GENDER, f[2].strip());
      table.categorical(id, OCCUPATION, f[3].strip());
    });
    return table.build();
  }

  /**
   * Reads 1M/10M {@code movies.dat}: {@code MovieID::Title::Genres}, genres joined by {@code |}.
   *
   * @param file the {@code movies.dat} file, ISO-8859-1
   * @return one row per movie: title tokens, year from the title, genres
   * @throws MalformedDataException if a line has other than 3 fields or a blank id
   * @throws IOException if the file cannot be read
   */
  public static FeatureTable readMovies1m(Path file) throws IOException {
    FeatureTable.Builder table = FeatureTable.builder();
    forEachRecord(file, "::", false, LATIN_1, 3, (f, line) -> movie(table, f[0], f[1], f[2]));
    return table.build();
  }

  /**
   * Reads 1M {@code users.dat}: {@code UserID::Gender::Age::Occupation::Zip-code}, where the age is a bucket code
   * (1, 18, 25, 35, 45, 50, 56) and the occupation a code 0..20 (see {@link #OCCUPATIONS_1M}). The zip code is
   * not kept.
   *
   * @param file the {@code users.dat} file, ISO-8859-1
   * @return one row per user: age (the bucket code), age group, gender and occupation name
   * @throws MalformedDataException if a line has other than 5 fields, a blank id, an age outside [0, 150] or an
   *     occupation code outside 0..20
   * @throws IOException if the file cannot be read
   */
  public static FeatureTable readUsers1m(Path file) throws IOException {
    FeatureTable.Builder table = FeatureTable.builder();
    forEachRecord(file, "::", false, LATIN_1, 5, (f, line) -> {
      String id = id(f[0]);
      int age = age(f[2]);
      String occupationCode = f[3].strip();
      int occupation;
      try {
        occupation = Integer.parseInt(occupationCode);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("occupation '" + occupationCode + "' is not a number");
      }
      if (occupation < 0 || occupation >= OCCUPATIONS_1M.size()) {
        throw new IllegalArgumentException(
            "occupation code " + occupation + " not in [0, " + (OCCUPATIONS_1M.size() - 1) + "]");
      }
      table.entity(id);
      table.numeric(id, AGE, age);
      table.categorical(id, AGE_GROUP, ageGroup(age));
      table.categorical(id, GENDER, f[1].strip());
      table.categorical(id, OCCUPATION, OCCUPATIONS_1M.get(occupation));
    });
    return table.build();
  }

  /**
   * Reads "latest" {@code movies.csv} (header {@code movieId,title,genres}, quoted titles) and, if
   * {@code tagsFile} is not null, {@code tags.csv} (header {@code userId,movieId,tag,timestamp}), whose tags
   * become lower-case tags of field {@code tag}.
   *
   * @param moviesFile the {@code movies.csv} file, UTF-8
   * @param tagsFile the {@code tags.csv} file, UTF-8, or null to read no user tags
   * @return one row per movie: title tokens, year from the title, genres and (with {@code tagsFile}) tags; a
   *     movie tagged but not in {@code moviesFile} gets a row of tags only
   * @throws MalformedDataException if a file's header differs from the expected one, or a line has another field
   *     count or a blank id
   * @throws IOException if a file cannot be read
   */
  public static FeatureTable readMoviesLatest(Path moviesFile, Path tagsFile) throws IOException {
    FeatureTable.Builder table = FeatureTable.builder();
    forEachRecord(moviesFile, ",", true, StandardCharsets.UTF_8, List.of("movieId", "title", "genres"),
        (f, line) -> movie(table, f[0], f[1], f[2]));
    if (tagsFile != null) {
      List<String> header = List.of("userId", "movieId", "tag", "timestamp");
      forEachRecord(tagsFile, ",", true, StandardCharsets.UTF_8, header, (f, line) -> {
        String tag = f[2].strip().toLowerCase(Locale.ROOT);
        if (!tag.isEmpty()) {
          table.tags(id(f[1]), TAG, tag);
        }
      });
    }
    return table.build();
  }

  /**
   * Returns the age bucket of an age in years: {@code <18}, {@code 18-24}, {@code 25-34}, {@code 35-44},
   * {@code 45-49}, {@code 50-55} or {@code 56+}. The 1M age codes (1, 18, 25, ...) map to their own buckets.
   *
   * @param age the age in years; negative ages fall in {@code <18}
   * @return the bucket label
   */
  public static String ageGroup(int age) {
    if (age < 18) {
      return "<18";
    } else if (age < 25) {
      return "18-24";
    } else if (age < 35) {
      return "25-34";
    } else if (age < 45) {
      return "35-44";
    } else if (age < 50) {
      return "45-49";
    } else if (age < 56) {
      return "50-55";
    }
    return "56+";
  }

  private static void movie(FeatureTable.Builder table, String rawId, String title, String genres) {
    String id = id(rawId);
    table.entity(id);
    String year = movieTitle(table, id, title);
    if (year != null) {
      table.numeric(id, YEAR, Integer.parseInt(year));
    }
    for (String genre : genres.split("\\|")) {
      String g = genre.strip();
      if (!g.isEmpty() && !g.equals(NO_GENRES)) {
        table.tags(id, GENRE, g);
      }
    }
  }

  /** Adds the title's tokens, without its trailing year, and returns that year or null. */
  private static String movieTitle(FeatureTable.Builder table, String id, String title) {
    Matcher m = TITLE_YEAR.matcher(title);
    String year = null;
    String text = title;
    if (m.matches()) {
      text = m.group(1);
      year = m.group(2);
    }
    table.text(id, TITLE, text);
    return year;
  }

  private static String id(String field) {
    String id = field.strip();
    if (id.isEmpty()) {
      throw new IllegalArgumentException("blank id");
    }
    return id;
  }

  private static int age(String field) {
    String text = field.strip();
    int age;
    try {
      age = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("age '" + text + "' is not a whole number");
    }
    if (age < 0 || age > 150) {
      throw new IllegalArgumentException("age " + age + " not in [0, 150]");
    }
    return age;
  }

  /** Reads a feature file. */
  @FunctionalInterface
  private interface FeatureReader {
    FeatureTable read(Path file) throws IOException;
  }

  private static FeatureTable readIfPresent(Path file, FeatureReader reader) throws IOException {
    return Files.exists(file) ? reader.read(file) : FeatureTable.empty();
  }
}
