package io.salesops.warehouse.parquet;

import io.salesops.warehouse.model.Column;
import io.salesops.warehouse.model.TableDefinition;
import java.util.List;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * Maps canonical column types to Parquet physical and logical types. Decimals are INT64-backed
 * (precision 18), timestamps are INT64 microseconds adjusted to UTC: both read identically in Spark
 * and DuckDB, unlike INT96.
 */
public final class ParquetSchemas {

    private ParquetSchemas() {
    }

    public static MessageType messageType(String name, List<Column> columns) {
        Types.MessageTypeBuilder builder = Types.buildMessage();
        for (Column column : columns) {
            builder.addField(field(column));
        }
        return builder.named(name);
    }

    public static MessageType messageType(TableDefinition table) {
        return messageType(table.name(), table.storedColumns());
    }

    private static Type field(Column column) {
        var type = column.type();
        // Every column is OPTIONAL in the file: "required" is a validation rule, and Spark writes
        // nullable columns too, so readers see one schema whoever wrote the table.
        return switch (type) {
            case STRING -> Types.optional(PrimitiveTypeName.BINARY)
                    .as(LogicalTypeAnnotation.stringType()).named(column.name());
            case LONG -> Types.optional(PrimitiveTypeName.INT64).named(column.name());
            case MONEY, QUANTITY, RATE -> Types.optional(PrimitiveTypeName.INT64)
                    .as(LogicalTypeAnnotation.decimalType(type.scale(), type.precision())).named(column.name());
            case DATE -> Types.optional(PrimitiveTypeName.INT32)
                    .as(LogicalTypeAnnotation.dateType()).named(column.name());
            case TIMESTAMP -> Types.optional(PrimitiveTypeName.INT64)
                    .as(LogicalTypeAnnotation.timestampType(true, TimeUnit.MICROS)).named(column.name());
            case BOOLEAN -> Types.optional(PrimitiveTypeName.BOOLEAN).named(column.name());
        };
    }
}
