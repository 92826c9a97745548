package io.salesops.ingest.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesops.warehouse.model.CanonicalTables;
import io.salesops.warehouse.model.Column;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Detection chooses among every built-in, so each must win on its own headers, full or minimal. */
class BuiltInProfilesTest {

    final ProfileDetector detector = new ProfileDetector(BuiltInProfiles.all());

    @Test
    void everyBuiltInIsDetectedFromAllTheHeadersItReads() {
        for (SourceProfile profile : BuiltInProfiles.all()) {
            List<String> header = List.copyOf(profile.headers());

            assertThat(detector.detect(profile.name() + ".csv", header).name()).isEqualTo(profile.name());
        }
    }

    @Test
    void everyBuiltInIsDetectedFromOnlyTheHeadersItRequires() {
        for (SourceProfile profile : BuiltInProfiles.all()) {
            List<String> header = requiredHeaders(profile);

            assertThat(detector.detect(profile.name() + ".csv", header).name()).isEqualTo(profile.name());
        }
    }

    @Test
    void profileNamesAreUniqueSoThatIngestProfileNameIsUnambiguous() {
        List<String> names = BuiltInProfiles.all().stream().map(SourceProfile::name).toList();

        assertThat(names).doesNotHaveDuplicates();
    }

    @Test
    void aMappedValueTheColumnDoesNotAllowFailsWhenTheProfileIsBuilt() {
        var builder = ProfileBuilder.profile("typo", CanonicalTables.OPPORTUNITIES)
                .column("stage", "Stage").values("stage", Map.of("Proposal", "proposl"));

        assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class)
                .hasMessage("profile typo: stage must be one of [prospecting, qualification, proposal, negotiation,"
                        + " closed_won, closed_lost], cannot be: proposl");
    }

    /** The headers of the sources of required columns that have no default. */
    private static List<String> requiredHeaders(SourceProfile profile) {
        Set<String> required = new java.util.LinkedHashSet<>();
        for (Column column : profile.table().columns()) {
            ColumnSource source = profile.sources().get(column.name());
            if (column.required() && !profile.defaults().containsKey(column.name()) && source != null) {
                required.addAll(source.headers());
            }
        }
        return new ArrayList<>(required);
    }
}
