package io.github.kindred.ann;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kindred.math.TopN;
import io.github.kindred.persist.ModelFormatException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexFileTest {
  private static final int ITEMS = 3_000;
  private static final int DIMS = 8;
  /** Bytes before level 0: magic 8, version 4, sizes 8, fingerprint 8, norm 4, config 28, levels 4, entry 4. */
  private static final int HEADER = 68;

  private static final float[] FACTORS = HnswItemIndexTest.items(ITEMS, DIMS, 21);
  // A small search width, so that the results depend on the graph's exact shape, not only on its connectivity.
  private static final HnswItemIndex INDEX = HnswItemIndex.build(FACTORS, ITEMS, DIMS,
      AnnConfig.defaults().withExactBelow(0).withSearchWidth(10).withSeed(5));

  private static byte[] bytes(HnswItemIndex index) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    index.write(out);
    return out.toByteArray();
  }

  private static HnswItemIndex read(byte[] bytes, float[] factors) throws IOException {
    return HnswItemIndex.read(new ByteArrayInputStream(bytes), factors, ITEMS, DIMS);
  }

  /** Results and scores of {@code index} for 50 seeded users, with and without filters. */
  private static float[][] answers(HnswItemIndex index) {
    float[] users = HnswItemIndexTest.items(50, DIMS, 22);
    int[] excluded = {3, 17, 400, 2999};
    float[][] answers = new float[100][];
    for (int u = 0; u < 50; u++) {
      float[] user = Arrays.copyOfRange(users, u * DIMS, (u + 1) * DIMS);
      for (int filtered = 0; filtered < 2; filtered++) {
        TopN top = new TopN(10);
        if (filtered == 0) {
          index.search(user, 10, new int[0], null, top);
        } else {
          index.search(user, 10, excluded, item -> item % 3 != 0, top);
        }
        int[] ids = new int[10];
        float[] scores = new float[10];
        int n = top.drainTo(ids, scores);
        float[] row = new float[2 * n];
        for (int k = 0; k < n; k++) {
          row[2 * k] = ids[k];
          row[2 * k + 1] = scores[k];
        }
        answers[2 * u + filtered] = row;
      }
    }
    return answers;
  }

  @Test
  void aLoadedIndexReturnsTheSameNeighboursAndScoresAsTheSavedOne(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("model.kindred.hnsw");
    INDEX.save(file);
    HnswItemIndex loaded = HnswItemIndex.load(file, new FactorsModel(FACTORS, DIMS));
    assertThat(loaded.approximate()).isTrue();
    assertThat(loaded.config()).isEqualTo(INDEX.config());
    assertThat(loaded.indexBytes()).isEqualTo(INDEX.indexBytes());
    // Same graph, same entry point, same factors: the greedy search must take the same path and return the same
    // candidates, so the neighbours and the exact re-scored values agree for every user, filtered or not.
    assertThat(answers(loaded)).isDeepEqualTo(answers(INDEX));
    // The format is deterministic: saving the loaded index gives the same bytes.
    assertThat(bytes(loaded)).isEqualTo(Files.readAllBytes(file));
  }

  @Test
  void anExactIndexRoundTripsWithoutAGraph() throws IOException {
    HnswItemIndex exact = HnswItemIndex.build(FACTORS, ITEMS, DIMS, AnnConfig.defaults());
    HnswItemIndex loaded = read(bytes(exact), FACTORS);
    assertThat(loaded.approximate()).isFalse();
    assertThat(answers(loaded)).isDeepEqualTo(answers(exact));
  }

  @Test
  void aFlippedBitAnywhereIsRejected() throws IOException {
    byte[] good = bytes(INDEX);
    // A bit in the header, in the offsets, in the neighbours, in the checksum itself.
    for (int position : new int[] {9, HEADER + 10, good.length - 100, good.length - 1}) {
      byte[] bad = good.clone();
      bad[position] ^= 0x10;
      assertThatThrownBy(() -> read(bad, FACTORS)).as("flipped byte %d", position)
          .isInstanceOf(ModelFormatException.class);
    }
    byte[] flippedPayload = good.clone();
    flippedPayload[good.length - 100] ^= 0x10;
    assertThatThrownBy(() -> read(flippedPayload, FACTORS)).hasMessageContaining("checksum mismatch");
  }

  @Test
  void truncationTrailingBytesMagicAndVersionAreNamed() throws IOException {
    byte[] good = bytes(INDEX);
    assertThatThrownBy(() -> read(Arrays.copyOf(good, good.length - 5), FACTORS))
        .isInstanceOf(ModelFormatException.class).hasMessageContaining("truncated");
    assertThatThrownBy(() -> read(Arrays.copyOf(good, good.length + 1), FACTORS))
        .hasMessageContaining("bytes after its checksum");
    byte[] magic = good.clone();
    magic[0] = 'X';
    assertThatThrownBy(() -> read(magic, FACTORS)).hasMessageContaining("bad magic");
    byte[] version = good.clone();
    ByteBuffer.wrap(version).putInt(8, IndexFile.VERSION + 1);
    assertThatThrownBy(() -> read(version, FACTORS)).hasMessageContaining("format version 2 is not supported");
  }

  @Test
  void anIndexOfOtherFactorsOrSizesIsRejected() throws IOException {
    byte[] good = bytes(INDEX);
    float[] other = FACTORS.clone();
    other[1234] = Math.nextUp(other[1234]);
    assertThatThrownBy(() -> read(good, other)).isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("other item factors");
    assertThatThrownBy(() -> HnswItemIndex.read(new ByteArrayInputStream(good), FACTORS, ITEMS - 1, DIMS))
        .hasMessageContaining("built on 3000 items x 8 dimensions, the model has 2999 x 8");
  }

  @Test
  void aStructurallyBrokenGraphWithAValidChecksumIsRejectedAtLoad() throws IOException {
    byte[] good = bytes(INDEX);
    int firstNeighbour = HEADER + 4 + 4 * (ITEMS + 1);
    byte[] outOfRange = good.clone();
    ByteBuffer.wrap(outOfRange).putInt(firstNeighbour, ITEMS);
    assertThatThrownBy(() -> read(resealed(outOfRange), FACTORS))
        .hasMessageContaining("level 0 links to node 3000");
    byte[] decreasing = good.clone();
    ByteBuffer.wrap(decreasing).putInt(HEADER + 4 + 4 * 2, -1);
    assertThatThrownBy(() -> read(resealed(decreasing), FACTORS))
        .hasMessageContaining("level 0 offsets decrease at node position 2");
    byte[] levels = good.clone();
    ByteBuffer.wrap(levels).putInt(HEADER - 8, 1000);
    assertThatThrownBy(() -> read(resealed(levels), FACTORS)).hasMessageContaining("1000 levels");
  }

  /** Recomputes the trailing CRC-32C, as a buggy writer (not a disk error) would leave it. */
  private static byte[] resealed(byte[] bytes) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, 0, bytes.length - 4);
    ByteBuffer.wrap(bytes).putInt(bytes.length - 4, (int) crc.getValue());
    return bytes;
  }

  /** The item side of a dot-product model, over given factors. */
  private static final class FactorsModel implements io.github.kindred.model.DotProductScoring {
    private final float[] factors;
    private final int dims;

    FactorsModel(float[] factors, int dims) {
      this.factors = factors;
      this.dims = dims;
    }

    @Override
    public float[] itemFactors() {
      return factors;
    }

    @Override
    public void userVector(int user, float[] out) {
      throw new UnsupportedOperationException("no users");
    }

    @Override
    public int dimensions() {
      return dims;
    }

    @Override
    public void itemVector(int item, float[] out) {
      System.arraycopy(factors, item * dims, out, 0, dims);
    }
  }
}
