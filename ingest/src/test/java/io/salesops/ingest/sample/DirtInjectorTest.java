package io.salesops.ingest.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesops.warehouse.model.CanonicalTables;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DirtInjectorTest {
    private static final int ROWS = 5_000;

    /** An opportunities row as the CSV writer spells it; the id makes every row unique. */
    private static String[] opportunity(int i) {
        return new String[] {"OPP" + i, "ACC1", "deal " + i, "closed_won", "100.00", "CNY", "1", "2025-03-01",
                "E10001", "trade_show", "", "closed", "true", "true", "2025-01-02T03:04:00Z"};
    }

    @Test
    void spoilsAboutTheRequestedShareWithOneKindPerRowAndCountsIt() throws Exception {
        // given
        DirtPolicy policy = new DirtPolicy(EnumSet.allOf(DirtKind.class), 0.02);
        DirtInjector dirt = new DirtInjector(CanonicalTables.OPPORTUNITIES, policy, new SplittableRandom(3));
        List<String[]> written = new ArrayList<>();

        // when
        for (int i = 0; i < ROWS; i++) {
            dirt.write(opportunity(i), written::add);
        }
        dirt.finish(written::add);

        // then
        Map<DirtKind, Long> counts = dirt.counts();
        assertThat(written).hasSize(ROWS + counts.get(DirtKind.DUPLICATE_ROW).intValue());
        assertThat(counts.values()).allSatisfy(count -> assertThat(count).isBetween(50L, 150L));
        long spoiled = written.stream().filter(row -> differences(row) > 0).count();
        assertThat(spoiled).isEqualTo(counts.get(DirtKind.BAD_DATE) + counts.get(DirtKind.MISSING_KEY)
                + counts.get(DirtKind.CATEGORY_TYPO));
        assertThat(written).allSatisfy(row -> assertThat(differences(row)).isLessThanOrEqualTo(1));
    }

    @Test
    void duplicatesRepeatAnEarlierCleanRow() throws Exception {
        // given
        DirtInjector dirt = new DirtInjector(CanonicalTables.OPPORTUNITIES,
                new DirtPolicy(EnumSet.of(DirtKind.DUPLICATE_ROW), 0.02), new SplittableRandom(5));
        List<String[]> written = new ArrayList<>();

        // when
        for (int i = 0; i < ROWS; i++) {
            dirt.write(opportunity(i), written::add);
        }
        dirt.finish(written::add);

        // then
        Set<List<String>> seen = new HashSet<>();
        int repeats = 0;
        for (String[] row : written) {
            if (!seen.add(Arrays.asList(row))) {
                repeats++;
                assertThat(differences(row)).isZero();
            }
        }
        assertThat(repeats).isPositive().isEqualTo(dirt.counts().get(DirtKind.DUPLICATE_ROW).intValue());
    }

    @Test
    void leavesEveryRowAloneWithoutPolicy() throws Exception {
        // given
        DirtInjector dirt = new DirtInjector(CanonicalTables.OPPORTUNITIES, DirtPolicy.NONE, new SplittableRandom(5));
        List<String[]> written = new ArrayList<>();

        // when
        for (int i = 0; i < ROWS; i++) {
            dirt.write(opportunity(i), written::add);
        }
        dirt.finish(written::add);

        // then
        assertThat(written).hasSize(ROWS).allSatisfy(row -> assertThat(differences(row)).isZero());
        assertThat(dirt.counts().values()).containsOnly(0L);
    }

    /** How many cells differ from the clean row with the same deal name. */
    private static int differences(String[] row) {
        int i = Integer.parseInt(row[2].substring("deal ".length()));
        String[] clean = opportunity(i);
        int differences = 0;
        for (int c = 0; c < row.length; c++) {
            differences += row[c].equals(clean[c]) ? 0 : 1;
        }
        return differences;
    }
}
