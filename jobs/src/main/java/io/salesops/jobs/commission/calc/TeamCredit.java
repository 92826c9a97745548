package io.salesops.jobs.commission.calc;

/**
 * A credit of one rep in a manager's team, for the manager's override: {@code repId} is the rep
 * credited, who reported to the manager on the credit's date.
 */
public record TeamCredit(String repId, Credit credit) {

    public TeamCredit {
        if (repId == null || repId.isBlank() || credit == null) {
            throw new IllegalArgumentException("a team credit needs the rep id and the credit, cannot be: " + repId
                    + ", " + credit);
        }
    }
}
