package io.salesops.jobs.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

class MaterialisedTest {

    @Test
    void rowsAreKeptUntilReleasedAndThenTheirBlocksAreGone() {
        SparkSession spark = SharedSpark.get();
        int before = spark.sparkContext().getPersistentRDDs().size();

        Dataset<Row> squares = Materialised.of(spark.range(0, 1_000).selectExpr("id", "id * id AS square"));

        // the rows are held by one persisted RDD, and read back whole
        assertThat(spark.sparkContext().getPersistentRDDs().size()).isEqualTo(before + 1);
        assertThat(squares.where("id = 31").collectAsList()).extracting(r -> r.getLong(1)).isEqualTo(List.of(961L));
        assertThat(squares.count()).isEqualTo(1_000);

        Materialised.release(squares);

        assertThat(spark.sparkContext().getPersistentRDDs().size()).isEqualTo(before);
    }

    @Test
    void releasingADatasetThatWasNotMaterialisedChangesNothing() {
        SparkSession spark = SharedSpark.get();
        Dataset<Row> cached = spark.range(0, 10).toDF().cache();
        cached.count();
        int persisted = spark.sparkContext().getPersistentRDDs().size();

        Materialised.release(cached);

        assertThat(spark.sparkContext().getPersistentRDDs().size()).isEqualTo(persisted);
        cached.unpersist(true);
    }
}
