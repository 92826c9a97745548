package io.salesops.ingest.profile;

import io.salesops.ingest.DuckDbRows;
import io.salesops.ingest.batch.IngestSettings;
import io.salesops.ingest.batch.LandingIngest;
import io.salesops.ingest.csv.CsvFileIngester;
import io.salesops.ingest.csv.FileIngestResult;
import io.salesops.ingest.csv.IngestProgress;
import io.salesops.ingest.csv.IngestTables;
import io.salesops.warehouse.model.CanonicalTables;
import io.salesops.warehouse.model.TableDefinition;
import io.salesops.warehouse.store.Warehouse;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

/**
 * A fixture export loaded the way {@code salesops ingest} loads it: profile detected from the
 * header, staged, published into a temporary warehouse, then read back with DuckDB.
 */
final class FixtureWarehouse {

    static final Path FIXTURES = Path.of("src/test/resources/profiles");

    private final Warehouse warehouse;
    private final LandingIngest ingest;

    FixtureWarehouse(Path root) {
        this.warehouse = new Warehouse(root.resolve("warehouse"));
        // a generous threshold, so that the fixtures' deliberately bad rows are quarantined, not fatal
        this.ingest = new LandingIngest(warehouse, new ProfileDetector(BuiltInProfiles.all()),
                new IngestSettings(ZoneId.of("Asia/Shanghai"), 0.5));
    }

    /** The built-in profile detection picks for a fixture's header. */
    static SourceProfile detect(String fixture) throws Exception {
        List<String> header = CsvFileIngester.inspect(FIXTURES.resolve(fixture), null).header();
        return new ProfileDetector(BuiltInProfiles.all()).detect(fixture, header);
    }

    FileIngestResult load(String fixture) {
        var result = ingest.stage(List.of(FIXTURES.resolve(fixture)), FIXTURES, "b1", IngestProgress.SILENT);
        ingest.publish("b1", CanonicalTables.ALL);
        return result.files().get(0);
    }

    /**
     * The published rows of a table, the given SQL expressions joined by "|", ordered by the first.
     * Timestamps are TIMESTAMPTZ in DuckDB: read them as {@code timezone('UTC', column)} so the
     * expected values hold whatever the machine's zone.
     */
    List<String> rows(TableDefinition table, String expressions) throws Exception {
        return DuckDbRows.query("select " + expressions + " from read_parquet('"
                + warehouse.requireCurrent(table).parquetGlob() + "') order by 1");
    }

    /** Quarantined records as line|column|rule|message. */
    List<String> rejects() throws Exception {
        return rows(IngestTables.REJECTS, "line, column_name, rule, message");
    }
}
