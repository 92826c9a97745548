package io.salesops.warehouse.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    @Test
    void everyReferenceNamesACanonicalTableWhoseOneColumnKeyHasTheColumnsType() {
        for (TableDefinition table : CanonicalTables.ALL) {
            for (Reference reference : table.references()) {
                String where = table.name() + "." + reference.column();
                TableDefinition parent = CanonicalTables.named(reference.parentTable());
                assertThat(parent.naturalKey()).as(where).hasSize(1);
                assertThat(table.column(reference.column()).orElseThrow().type()).as(where)
                        .isEqualTo(parent.column(parent.naturalKey().get(0)).orElseThrow().type());
            }
        }
    }

    @Test
    void aReferenceMustStartAtAColumnOfItsTable() {
        TableDefinition.Builder deals = TableDefinition.builder("deals", Zone.CURATED, "test")
                .key("deal_id")
                .required("deal_id", ColumnType.STRING, "deal")
                .references("account_id", "accounts");

        assertThatThrownBy(deals::build)
                .hasMessage("a reference of deals must start at a column of deals, cannot be: account_id");
    }

    @Test
    void anUnknownTableNameSaysWhichTablesThereAre() {
        assertThatThrownBy(() -> CanonicalTables.named("acounts"))
                .hasMessageStartingWith("no canonical table is named acounts;"
                        + " the canonical tables are [territories, teams,");
    }
}
