package io.salesops.warehouse.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's data dictionary must say what the code defines; a changed definition fails here until the README follows. */
class DataDictionaryTest {

    @Test
    void theReadmeDescribesEveryCanonicalTableAsDefined() throws Exception {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        String dictionary = DataDictionary.markdown(CanonicalTables.ALL);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/data-dictionary.md"), dictionary, StandardCharsets.UTF_8);

        assertThat(readme).contains(dictionary);
        assertThat(CanonicalTables.ALL).extracting(TableDefinition::name).containsExactly(
                "territories", "teams", "reps", "quotas", "accounts", "contacts", "leads", "opportunities",
                "opportunity_stage_history", "opportunity_splits", "activities", "quotes", "contracts", "products",
                "customers", "orders", "order_lines", "invoices", "payments", "credit_notes", "fx_rates", "campaigns",
                "campaign_touches");
    }

    @Test
    void everyCuratedTableCarriesLineage() {
        assertThat(CanonicalTables.ALL).allSatisfy(table -> assertThat(table.storedColumns())
                .extracting(Column::name).endsWith("_source_file", "_source_line", "_ingest_batch", "_source_updated_at"));
    }
}
