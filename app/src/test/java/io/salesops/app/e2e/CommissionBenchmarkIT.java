package io.salesops.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code salesops bench commissions} on a small scale, as docs/performance.md runs it: the job and the
 * DuckDB SQL written apart from it agree on every rep, and the benchmark reports what it measured.
 */
@Tag("e2e")
class CommissionBenchmarkIT {

    private static final Pattern EARNED = Pattern.compile(
            "earned: job (-?\\d+\\.\\d{2}), reference (-?\\d+\\.\\d{2}); reps that differ: (\\d+)");
    private static final Pattern WALL = Pattern.compile("commissions job, wall .*?: +(\\d+\\.\\d{2}) s");

    @TempDir
    Path work;

    @Test
    void theJobAgreesWithTheDuckDbReferenceOnEveryRep() throws Exception {
        Path data = work.resolve("data");

        Launcher.Result bench = Launcher.run(work.resolve("bench"), "bench", "commissions", "--scale", "0.02",
                "--data-dir", data.toString());

        assertThat(bench.exitCode()).as(bench.out() + bench.err()).isZero();
        Matcher earned = EARNED.matcher(bench.out());
        assertThat(earned.find()).as(bench.out()).isTrue();
        BigDecimal job = new BigDecimal(earned.group(1));
        assertThat(job).isPositive().isEqualByComparingTo(new BigDecimal(earned.group(2)));
        assertThat(earned.group(3)).isEqualTo("0");
        Matcher wall = WALL.matcher(bench.out());
        assertThat(wall.find()).as(bench.out()).isTrue();
        assertThat(Double.parseDouble(wall.group(1))).isPositive();
        assertThat(bench.out()).containsPattern("steps: calculateCommissions \\d+\\.\\d s, publishCommissions")
                .containsPattern("DuckDB SQL reference \\(base \\+ tiered \\+ splits, same Parquet\\): +\\d+\\.\\d{2} s")
                .containsPattern("peak heap in use \\(sampled\\): [\\d,]+ MB");
        // the benchmark works in <data-dir>/bench and leaves the data directory's own warehouse alone
        try (Stream<Path> top = Files.list(data)) {
            assertThat(top.map(p -> p.getFileName().toString())).containsExactly("bench");
        }
    }
}
