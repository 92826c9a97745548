package io.salesops.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code salesops bench funnels} on a tiny scale, as docs/performance.md runs it: the funnels job and
 * the DuckDB SQL written apart from it agree row for row on funnel_conversion (all, source) and
 * win_rates (every dimension), and the benchmark reports what it measured.
 *
 * Scale 0.003, where FunnelsJobTest runs 0.002: the job checks its invariants on every run, so the
 * two tests show them holding on generated data at two scales.
 */
@Tag("e2e")
class FunnelBenchmarkIT {

    private static final Pattern CONVERSION = Pattern.compile(
            "funnel_conversion \\(all, source\\): job ([\\d,]+) rows, reference ([\\d,]+) rows; agree: ([\\d,]+) rows");
    private static final Pattern WIN_RATES = Pattern.compile("win_rates \\(all, source, campaign, region, territory,"
            + " team, rep, industry, customer_type\\): job ([\\d,]+) rows, reference ([\\d,]+) rows; (.*)");
    private static final Pattern WALL = Pattern.compile("funnels job, wall .*?: +(\\d+\\.\\d{2}) s");

    @TempDir
    Path work;

    @Test
    void theJobAgreesWithTheDuckDbReferenceRowForRow() throws Exception {
        Path data = work.resolve("data");

        Launcher.Result bench = Launcher.run(work.resolve("bench"), "bench", "funnels", "--scale", "0.003",
                "--show-differences", "100000", "--data-dir", data.toString());

        String out = bench.out();
        assertThat(bench.exitCode()).as(out + bench.err()).isZero();
        Matcher conversion = CONVERSION.matcher(out);
        assertThat(conversion.find()).as(out).isTrue();
        assertThat(conversion.group(1)).isNotEqualTo("0").isEqualTo(conversion.group(2)).isEqualTo(conversion.group(3));
        Matcher winRates = WIN_RATES.matcher(out);
        assertThat(winRates.find()).as(out).isTrue();
        assertThat(winRates.group(1)).isNotEqualTo("0").isEqualTo(winRates.group(2));
        assertThat(winRates.group(3)).as(out).isEqualTo("agree: " + winRates.group(1) + " rows");
        Matcher wall = WALL.matcher(out);
        assertThat(wall.find()).as(out).isTrue();
        assertThat(Double.parseDouble(wall.group(1))).isPositive();
        assertThat(out).containsPattern("period 2025-11: [\\d,]+ leads, [\\d,]+ opportunities, [\\d,]+"
                        + " opportunity_stage_history, [\\d,]+ activities; \\d+ cores")
                .containsPattern("steps: computeFunnels \\d+\\.\\d s, computePipeline \\d+\\.\\d s, .*refreshAnalystDatabase"
                        + " \\d+\\.\\d s")
                .containsPattern("DuckDB SQL reference \\(funnel_conversion all \\+ source, win_rates, same Parquet\\):"
                        + " +\\d+\\.\\d{2} s")
                .containsPattern("ratio ours / DuckDB: \\d+\\.\\d{2}")
                .containsPattern("peak heap in use \\(sampled\\): [\\d,]+ MB; peak live heap after a GC: [\\d,]+ MB");
        // the benchmark works in <data-dir>/bench and leaves the data directory's own warehouse alone
        try (Stream<Path> top = Files.list(data)) {
            assertThat(top.map(p -> p.getFileName().toString())).containsExactly("bench");
        }
    }
}
