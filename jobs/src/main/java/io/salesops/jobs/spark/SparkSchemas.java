package io.salesops.jobs.spark;

import io.salesops.warehouse.model.Column;
import io.salesops.warehouse.model.TableDefinition;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Spark's view of a canonical table, derived from its one definition. */
public final class SparkSchemas {
    private SparkSchemas() {
    }

    public static StructType of(TableDefinition table) {
        return schema(table.columns());
    }

    /** The columns as stored in Parquet: a curated table's lineage columns too. */
    public static StructType stored(TableDefinition table) {
        return schema(table.storedColumns());
    }

    private static StructType schema(java.util.List<Column> columns) {
        return new StructType(columns.stream().map(SparkSchemas::field).toArray(StructField[]::new));
    }

    private static StructField field(Column column) {
        return DataTypes.createStructField(column.name(), type(column), true);
    }

    static DataType type(Column column) {
        var type = column.type();
        return switch (type) {
            case STRING -> DataTypes.StringType;
            case LONG -> DataTypes.LongType;
            case MONEY, QUANTITY, RATE -> DataTypes.createDecimalType(type.precision(), type.scale());
            case DATE -> DataTypes.DateType;
            case TIMESTAMP -> DataTypes.TimestampType;
            case BOOLEAN -> DataTypes.BooleanType;
        };
    }
}
