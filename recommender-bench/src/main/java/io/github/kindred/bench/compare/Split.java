package io.github.kindred.bench.compare;

import io.github.kindred.data.Dataset;
import io.github.kindred.data.IdIndex;
import io.github.kindred.data.InteractionLog;
import io.github.kindred.data.InteractionMatrix;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A train/test split read from two {@code user item rating timestamp} TSV files, on the dense indexes of the
 * training data. The training matrix is binary: every (user, item) pair present counts 1, whatever its rating.
 *
 * @param train the binary training dataset
 * @param relevant for each training user, the ascending test items that are known to the training data, or an
 *     empty array if the user has none
 * @param relevantCount for each training user, the number of distinct test items including items never seen in
 *     training (they can never be recommended but still count as relevant, so recall is not inflated)
 * @param users the training users with at least one test item, ascending: the users every system is evaluated on
 */
record Split(Dataset train, int[][] relevant, int[] relevantCount, int[] users) {
  /** Reads the two files. */
  static Split read(Path trainFile, Path testFile) throws IOException {
    InteractionLog.Builder log = InteractionLog.builder();
    for (String[] f : lines(trainFile)) {
      log.add(f[0], f[1], 1f);
    }
    Dataset train = Dataset.builder(log.build()).binary(true).build();
    IdIndex users = train.users();
    IdIndex items = train.items();
    int userCount = train.userCount();
    List<List<String>> test = new ArrayList<>();
    for (int u = 0; u < userCount; u++) {
      test.add(new ArrayList<>());
    }
    for (String[] f : lines(testFile)) {
      int u = users.indexOf(f[0]);
      if (u >= 0 && !test.get(u).contains(f[1])) {
        test.get(u).add(f[1]);
      }
    }
    int[][] relevant = new int[userCount][];
    int[] relevantCount = new int[userCount];
    int evaluated = 0;
    for (int u = 0; u < userCount; u++) {
      List<String> ids = test.get(u);
      relevantCount[u] = ids.size();
      relevant[u] = ids.stream().mapToInt(items::indexOf).filter(i -> i >= 0).sorted().toArray();
      if (!ids.isEmpty()) {
        evaluated++;
      }
    }
    int[] evalUsers = new int[evaluated];
    for (int u = 0, k = 0; u < userCount; u++) {
      if (relevantCount[u] > 0) {
        evalUsers[k++] = u;
      }
    }
    return new Split(train, relevant, relevantCount, evalUsers);
  }

  /** The training items of user {@code u}, ascending (the matrix's own storage for row u, copied). */
  int[] trainItems(int u) {
    return train.matrix().row(u);
  }

  /** The training matrix. */
  InteractionMatrix matrix() {
    return train.matrix();
  }

  /** The first {@code n} evaluated users, or all of them if there are fewer. */
  int[] firstUsers(int n) {
    return Arrays.copyOf(users, Math.min(n, users.length));
  }

  private static List<String[]> lines(Path file) throws IOException {
    List<String[]> out = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int number = 0;
      while ((line = in.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        String[] f = line.split("\t");
        if (f.length < 2) {
          throw new IOException(file + ":" + number + ": expected 'user<TAB>item[<TAB>rating<TAB>timestamp]', got '"
              + line + "'");
        }
        out.add(f);
      }
    }
    return out;
  }
}
