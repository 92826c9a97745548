package io.salesops.app.compare;

import io.salesops.jobs.config.WarehouseCatalog;
import io.salesops.warehouse.DataLayout;
import io.salesops.warehouse.files.Sha256;
import io.salesops.warehouse.store.Warehouse;
import io.salesops.warehouse.store.WarehouseFingerprint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * What a user sees of a data directory, as lines that are equal exactly when the outputs are: every
 * table's fingerprint (rows and an order-independent hash of their values, run ids and instants
 * left out), each commission run's result hash, and the SHA-256 of the text of every PDF under
 * reports/ (its generated-at time masked). scripts/compare-outputs.sh prints it for a build and
 * for an earlier commit, on the same exports, and compares the two.
 */
public final class OutputsDigest {

    private static final String GENERATED_AT = "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} [+-]\\d{2}:\\d{2}";

    private OutputsDigest() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: OutputsDigest DATA_DIR");
            System.exit(2);
        }
        of(Path.of(args[0])).forEach(System.out::println);
    }

    public static List<String> of(Path dataDir) throws Exception {
        DataLayout layout = new DataLayout(dataDir);
        Warehouse warehouse = new Warehouse(layout.warehouse());
        List<String> lines = new ArrayList<>();
        WarehouseFingerprint.of(warehouse, WarehouseCatalog.ALL)
                .forEach((table, fingerprint) -> lines.add("table " + table + " " + fingerprint));
        lines.addAll(resultHashes(warehouse));
        try (Stream<Path> files = Files.walk(layout.reports())) {
            for (Path pdf : files.filter(p -> p.toString().endsWith(".pdf")).sorted().toList()) {
                lines.add("pdf " + layout.reports().relativize(pdf) + " " + Sha256.of(text(pdf)));
            }
        }
        return lines;
    }

    private static List<String> resultHashes(Warehouse warehouse) throws Exception {
        var runs = warehouse.current(io.salesops.jobs.commission.CommissionTables.COMMISSION_RUNS);
        if (runs.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
             Statement sql = duckdb.createStatement();
             ResultSet rs = sql.executeQuery("SELECT period, run_id, result_hash FROM read_parquet('"
                     + runs.get().parquetGlob() + "') ORDER BY period, run_id")) {
            while (rs.next()) {
                lines.add("result-hash " + rs.getString(1) + " run " + rs.getString(2) + " " + rs.getString(3));
            }
        }
        return lines;
    }

    static String text(Path pdf) {
        try (var document = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(document).replaceAll(GENERATED_AT, "<generated-at>");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + pdf, e);
        }
    }
}
