package io.salesops.ingest.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesops.warehouse.model.CanonicalTables;
import io.salesops.warehouse.model.Column;
import io.salesops.warehouse.model.TableDefinition;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CategoryVariantsTest {

    @Test
    void everyVariantOfEveryRestrictedValueDiffersButNormalisesBack() {
        // given
        SplittableRandom random = new SplittableRandom(1);

        for (TableDefinition table : CanonicalTables.ALL) {
            for (Column column : table.columns()) {
                for (String value : column.allowedValues()) {
                    for (int draw = 0; draw < 20; draw++) {
                        // when
                        String variant = CategoryVariants.variant(value, random);

                        // then
                        assertThat(variant).as("%s.%s", table.name(), column.name()).isNotEqualTo(value);
                        assertThat(CategoryVariants.normalise(variant)).isEqualTo(CategoryVariants.normalise(value));
                    }
                }
            }
        }
    }

    @Test
    void producesTheShapesPeopleType() {
        assertThat(CategoryVariants.normalise("Closed Won")).isEqualTo("closed_won");
        assertThat(CategoryVariants.normalise(" EMAIL-CAMPAIGN")).isEqualTo("email_campaign");
        assertThat(CategoryVariants.normalise("Trade Show")).isEqualTo("trade_show");
    }
}
