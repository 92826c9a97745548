package io.salesops.jobs.commission.calc;

/**
 * A credit of one rep in a manager's team, for the manager's override: {@code repId} is the rep
 * credited, who reported to the manager on the credit's date, {@code level} levels down (1: a
 * direct report; 2: a report of a direct report; ...).
 */
public record TeamCredit(String repId, Credit credit, int level) {

    public TeamCredit {
        if (repId == null || repId.isBlank() || credit == null || level < 1) {
            throw new IllegalArgumentException("a team credit needs the rep id, the credit and a level of at least"
                    + " 1, cannot be: " + repId + ", " + credit + ", level " + level);
        }
    }

    /** A direct report's credit. */
    public TeamCredit(String repId, Credit credit) {
        this(repId, credit, 1);
    }
}
