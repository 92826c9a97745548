package io.salesops.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
 * <p>One known defect of the job is allowed until it is fixed: on a win_rates row with no deal won
 * and lost deals with amounts, the job leaves win_rate_amount empty where the rule (won amount /
 * (won + lost amount)) gives 0; such rows differ in that column only. Remove {@link #KNOWN_DEFECT}
 * once the job writes 0 there.
 */
@Tag("e2e")
class FunnelBenchmarkIT {

    private static final Pattern CONVERSION = Pattern.compile(
            "funnel_conversion \\(all, source\\): job ([\\d,]+) rows, reference ([\\d,]+) rows; agree: ([\\d,]+) rows");
    private static final Pattern WIN_RATES = Pattern.compile("win_rates \\(all, source, campaign, region, territory,"
            + " team, rep, industry, customer_type\\): job ([\\d,]+) rows, reference ([\\d,]+) rows; (.*)");
    private static final Pattern WALL = Pattern.compile("funnels job, wall .*?: +(\\d+\\.\\d{2}) s");
    /** A win_rates row that differs only by the job's empty win_rate_amount where nothing was won. */
    private static final Pattern KNOWN_DEFECT = Pattern.compile(
            "  \\S+ \\S+: job (won=0 .*)win_rate_amount=null (.*) \\| reference (won=0 .*)win_rate_amount=0\\.000000 (.*)");

    @TempDir
    Path work;

    @Test
    void theJobAgreesWithTheDuckDbReferenceRowForRow() throws Exception {
        Path data = work.resolve("data");

        Launcher.Result bench = Launcher.run(work.resolve("bench"), "bench", "funnels", "--scale", "0.002",
                "--show-differences", "100000", "--data-dir", data.toString());

        String out = bench.out();
        assertThat(bench.exitCode()).as(out + bench.err()).isIn(0, 1);
        Matcher conversion = CONVERSION.matcher(out);
        assertThat(conversion.find()).as(out).isTrue();
        assertThat(conversion.group(1)).isNotEqualTo("0").isEqualTo(conversion.group(2)).isEqualTo(conversion.group(3));
        Matcher winRates = WIN_RATES.matcher(out);
        assertThat(winRates.find()).as(out).isTrue();
        assertThat(winRates.group(1)).isNotEqualTo("0").isEqualTo(winRates.group(2));
        if (winRates.group(3).startsWith("agree: ")) {
            assertThat(bench.exitCode()).isZero();
            assertThat(winRates.group(3)).isEqualTo("agree: " + winRates.group(1) + " rows");
        } else {
            Matcher counts = Pattern.compile("DISAGREE: ([\\d,]+) rows differ, [\\d,]+ agree; first ones:")
                    .matcher(winRates.group(3));
            assertThat(counts.matches()).as(out).isTrue();
            List<String> shown = out.lines().dropWhile(line -> !line.startsWith("win_rates (")).skip(1)
                    .takeWhile(line -> line.startsWith("  ")).toList();
            assertThat(shown).hasSize(Integer.parseInt(counts.group(1).replace(",", ""))).allSatisfy(line -> {
                Matcher known = KNOWN_DEFECT.matcher(line);
                assertThat(known.matches()).as(line).isTrue();
                assertThat(known.group(1) + known.group(2)).isEqualTo(known.group(3) + known.group(4));
            });
        }
        Matcher wall = WALL.matcher(out);
        assertThat(wall.find()).as(out).isTrue();
        assertThat(Double.parseDouble(wall.group(1))).isPositive();
        assertThat(out).containsPattern("period 2025-11: [\\d,]+ leads, [\\d,]+ opportunities, [\\d,]+"
                        + " opportunity_stage_history, [\\d,]+ activities; \\d+ cores")
                .containsPattern("steps: computeFunnels \\d+\\.\\d s, refreshAnalystDatabase \\d+\\.\\d s")
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
