package io.salesops.jobs.config;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Commission settings.
 *
 * @param setupDir                 the folder with {@code plans/*.yaml}, {@code assignments.csv} and,
 *                                 optionally, {@code reporting-lines.csv}
 *                                 ({@code salesops.commissions.setup-dir}, default
 *                                 DATA_DIR/commissions)
 * @param clawbackUnpaidAfterDays  days after its due date an invoice still unpaid is clawed back on
 *                                 booking and invoice basis ({@code
 *                                 salesops.commissions.clawback-unpaid-after-days}, default 180; 0
 *                                 turns it off)
 * @param payAfterTermination      whether credits dated after a rep's termination date are paid to
 *                                 them ({@code salesops.commissions.pay-after-termination}, default
 *                                 false: they stay in commission_credits, marked AFTER_TERMINATION,
 *                                 and pay nothing)
 * @param correctionLookbackMonths how many closed periods before the one calculated are
 *                                 recalculated and corrected ({@code
 *                                 salesops.commissions.correction-lookback-months}, default 3; 0
 *                                 turns corrections off)
 */
@ConfigurationProperties("salesops.commissions")
public record CommissionProperties(Path setupDir, Integer clawbackUnpaidAfterDays, Boolean payAfterTermination,
        Integer correctionLookbackMonths) {

    public static final int DEFAULT_LOOKBACK = 3;

    public static final int DEFAULT_UNPAID_DAYS = 180;

    public CommissionProperties {
        clawbackUnpaidAfterDays = clawbackUnpaidAfterDays == null ? DEFAULT_UNPAID_DAYS : clawbackUnpaidAfterDays;
        payAfterTermination = payAfterTermination != null && payAfterTermination;
        correctionLookbackMonths = correctionLookbackMonths == null ? DEFAULT_LOOKBACK : correctionLookbackMonths;
        if (correctionLookbackMonths < 0) {
            throw new IllegalArgumentException("salesops.commissions.correction-lookback-months must be at least 0,"
                    + " cannot be: " + correctionLookbackMonths);
        }
        if (clawbackUnpaidAfterDays < 0) {
            throw new IllegalArgumentException("salesops.commissions.clawback-unpaid-after-days must be at least 0"
                    + " (0 turns the clawback off), cannot be: " + clawbackUnpaidAfterDays);
        }
    }

    /** The set-up folder: the configured one, else commissions/ in the data directory. */
    public Path setupDir(Path dataDir) {
        return setupDir != null ? setupDir : dataDir.resolve("commissions");
    }
}
