package io.salesops.jobs.commission.plan;

/** When a transaction earns commission: when it is booked, invoiced, or paid (cash). */
public enum Basis {
    BOOKING, INVOICE, CASH;

    /** The basis as events and credits carry it: booking, invoice, cash. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
