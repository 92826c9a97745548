package io.salesops.jobs.commission.plan;

import java.util.Locale;

/**
 * The unit a volume component pays per and a credit's quantity is in. A credit in another unit
 * than the component's is an error, not a silent conversion: the crediting step owns conversion.
 */
public enum QuantityUnit {
    KG, T;

    public String symbol() {
        return name().toLowerCase(Locale.ROOT);
    }
}
