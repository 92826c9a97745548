package io.salesops.jobs.commission.run;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.salesops.jobs.commission.assign.PlanCatalog.PlanSource;
import io.salesops.jobs.commission.calc.FxTable;
import io.salesops.jobs.commission.credit.Crediting;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Credits → every rep's lines and statement, on Spark. Each credit goes to its rep and, when the
 * rep had a manager on the event date whose plan pays an override, to the manager as a team
 * credit; every rep with a plan gets a marker so a rep without credits still gets a statement. The
 * rows are grouped by rep and each group runs the pure calculation ({@link RepGroupFunction}).
 */
public final class CommissionCalculation {

    static final String OWN = "own";
    static final String TEAM = "team";
    static final String MARKER = "marker";
    static final String LINE = "line";
    static final String STATEMENT = "statement";
    static final String UNASSIGNED = "unassigned";

    private static final DataType DECIMAL = DataTypes.createDecimalType(24, 6);
    private static final DataType FINE_DECIMAL = DataTypes.createDecimalType(28, 10);

    /** The credit columns the calculation reads, with the row's key and kind in front. */
    private static final List<String> CREDIT_COLUMNS = List.of("rep_id", "manager_id", "credit_role", "share", "basis",
            "reason_code", "transaction_id", "source_table", "source_key", "event_date", "amount", "currency",
            "category", "campaign_id", "campaign_touches", "cost", "cost_currency", "quantity", "unit", "new_customer");

    /** Lines and statements in one schema: {@code kind} says which columns are set. */
    public static final StructType RESULT = new StructType(new StructField[] {
            field("kind", DataTypes.StringType), field("rep_id", DataTypes.StringType),
            field("plan_id", DataTypes.StringType), field("plan_version", DataTypes.LongType),
            field("currency", DataTypes.StringType),
            field("line_no", DataTypes.LongType), field("component", DataTypes.StringType),
            field("transaction_id", DataTypes.StringType), field("source_table", DataTypes.StringType),
            field("source_key", DataTypes.StringType), field("credit_role", DataTypes.StringType),
            field("reason_code", DataTypes.StringType), field("tier", DataTypes.LongType),
            field("base", DECIMAL), field("rate", FINE_DECIMAL), field("amount", DECIMAL),
            field("explanation", DataTypes.StringType),
            field("credited_amount", DECIMAL), field("quota", DECIMAL), field("attainment", DECIMAL),
            field("earned", DECIMAL), field("earned_by_component", DataTypes.StringType),
            field("line_count", DataTypes.LongType), field("credit_count", DataTypes.LongType),
            field("draw_balance", DECIMAL), field("draw_forgiven", DECIMAL)});

    private CommissionCalculation() {
    }

    /**
     * @param credits the period's credits from crediting; those with an excluded_reason pay nothing
     * @param reps         the reps a plan pays, with their plan version, quota and hire date
     * @param statementFor the reps who get a statement even without credits (employed in the period)
     * @param overriding   the managers whose plan pays an override, with how many levels down it reaches:
     *                     their team's credits go to them too, as far down as that; the credits name
     *                     that many levels of managers ({@link Crediting#managerColumn})
     */
    static Dataset<Row> calculate(SparkSession spark, Dataset<Row> credits, Map<String, RepGroupFunction.RepPlan> reps,
                                  java.util.Set<String> statementFor, Map<String, Integer> overriding,
                                  Map<String, PlanSource> plans, FxTable fx, YearMonth period) {
        // rep_id of an event is the ERP salesperson; here it becomes the rep credited
        Dataset<Row> byRep = credits.where(col("excluded_reason").isNull()).drop("rep_id")
                .withColumnRenamed("credited_rep_id", "rep_id");
        Dataset<Row> withTeams = keyed(byRep, col("rep_id"), OWN, 0);
        // a manager without an override has no use for the team's credits, nor one whose override
        // stops above a level: they are not sent
        for (int level = 1; level <= managerLevels(overriding); level++) {
            int reach = level;
            List<String> reaching = overriding.entrySet().stream().filter(e -> e.getValue() >= reach)
                    .map(Map.Entry::getKey).sorted().toList();
            Column manager = col(Crediting.managerColumn(level));
            withTeams = withTeams.unionByName(keyed(byRep.where(manager.isInCollection(reaching)), manager, TEAM,
                    level));
        }
        List<Row> markerRows = new ArrayList<>();
        for (String repId : statementFor.stream().sorted().toList()) {
            Object[] values = new Object[3 + CREDIT_COLUMNS.size()];
            values[0] = repId;
            values[1] = MARKER;
            values[values.length - 1] = 0;
            markerRows.add(RowFactory.create(values));
        }
        StructType nullable = new StructType(java.util.Arrays.stream(withTeams.schema().fields())
                .map(f -> DataTypes.createStructField(f.name(), f.dataType(), true)).toArray(StructField[]::new));
        Dataset<Row> markers = spark.createDataFrame(markerRows, nullable);
        return withTeams.unionByName(markers)
                .groupByKey((MapFunction<Row, String>) row -> row.getString(0), Encoders.STRING())
                .flatMapGroups(new RepGroupFunction(reps, plans, fx, period), Encoders.row(RESULT));
    }

    /**
     * How many levels of managers the credits must name for these overrides: the deepest one's
     * reach, at least 1 (crediting always names the direct manager).
     */
    static int managerLevels(Map<String, Integer> overriding) {
        return overriding.values().stream().mapToInt(Integer::intValue).max().orElse(1);
    }

    /** @param teamLevel how many levels below the group's manager the credited rep is; 0 for own credits */
    private static Dataset<Row> keyed(Dataset<Row> credits, Column key, String kind, int teamLevel) {
        List<Column> columns = new ArrayList<>();
        columns.add(key.as("group_key"));
        columns.add(lit(kind).as("kind"));
        CREDIT_COLUMNS.forEach(name -> columns.add(col(name)));
        columns.add(lit(teamLevel).as("team_level"));
        return credits.select(columns.toArray(Column[]::new));
    }

    static Row unassigned(String repId, int credits) {
        Object[] values = new Object[RESULT.size()];
        values[0] = UNASSIGNED;
        values[1] = repId;
        values[RESULT.fieldIndex("credit_count")] = (long) credits;
        return RowFactory.create(values);
    }

    private static StructField field(String name, DataType type) {
        return DataTypes.createStructField(name, type, true);
    }
}
