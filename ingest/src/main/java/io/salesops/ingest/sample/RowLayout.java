package io.salesops.ingest.sample;

import io.salesops.ingest.profile.KingdeeOrdersFormat;
import io.salesops.warehouse.model.Column;
import io.salesops.warehouse.model.ColumnType;
import io.salesops.warehouse.model.TableDefinition;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * How one exported file spells its table: header, encoding and the text of each value. The header
 * has one name per canonical column, in canonical order.
 */
interface RowLayout {

    List<String> header(TableDefinition table);

    Charset charset();

    String text(Column column, Object value);

    /** The canonical spelling: column names as headers, UTF-8, ISO dates, instants in UTC with a Z. */
    RowLayout CANONICAL = new RowLayout() {
        @Override
        public List<String> header(TableDefinition table) {
            return table.columnNames();
        }

        @Override
        public Charset charset() {
            return StandardCharsets.UTF_8;
        }

        @Override
        public String text(Column column, Object value) {
            return canonicalText(column.type(), value);
        }
    };

    /** Decimals must already have their scale (see {@link Amounts}): a wrong one is a generator bug. */
    static String canonicalText(ColumnType type, Object value) {
        if (value == null) {
            return "";
        }
        return switch (type) {
            case STRING -> (String) value;
            case LONG -> String.valueOf(((Number) value).longValue());
            case MONEY, QUANTITY -> ((BigDecimal) value).setScale(type.scale(), RoundingMode.UNNECESSARY).toPlainString();
            case RATE -> ((BigDecimal) value).setScale(type.scale(), RoundingMode.UNNECESSARY).stripTrailingZeros()
                    .toPlainString();
            case DATE -> ((LocalDate) value).toString();
            case TIMESTAMP -> ((Instant) value).toString();
            case BOOLEAN -> String.valueOf((boolean) (Boolean) value);
        };
    }

    /** The Kingdee spelling of the orders table. */
    static RowLayout kingdee(KingdeeOrdersFormat format) {
        return new RowLayout() {
            @Override
            public List<String> header(TableDefinition table) {
                return format.headers();
            }

            @Override
            public Charset charset() {
                return format.charset();
            }

            @Override
            public String text(Column column, Object value) {
                if (value == null) {
                    return "";
                }
                return switch (column.name()) {
                    case "order_date" -> format.formatDate((LocalDate) value);
                    case "tax_rate" -> format.formatTaxRate((BigDecimal) value);
                    case "status" -> format.statusLabel((String) value);
                    default -> canonicalText(column.type(), value);
                };
            }
        };
    }
}
