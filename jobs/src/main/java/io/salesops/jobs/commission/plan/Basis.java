package io.salesops.jobs.commission.plan;

/** When a transaction earns commission: when it is booked, invoiced, or paid (cash). */
public enum Basis {
    BOOKING, INVOICE, CASH
}
