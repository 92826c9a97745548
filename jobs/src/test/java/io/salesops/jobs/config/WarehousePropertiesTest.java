package io.salesops.jobs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WarehousePropertiesTest {

    @Test
    void tenVersionsAreKeptUnlessConfigured() {
        assertThat(new WarehouseProperties(null).retainVersions()).isEqualTo(10);
        assertThat(new WarehouseProperties(1).retainVersions()).isEqualTo(1);
    }

    @Test
    void keepingNoVersionIsRefusedWithTheKey() {
        assertThatThrownBy(() -> new WarehouseProperties(0))
                .hasMessage("salesops.warehouse.retain-versions must be at least 1, cannot be: 0");
    }
}
