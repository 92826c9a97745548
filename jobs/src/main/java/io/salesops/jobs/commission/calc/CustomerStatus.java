package io.salesops.jobs.commission.calc;

/** Whether a credit's customer is new to us (first order in the period) or already a customer. */
public enum CustomerStatus {
    NEW, EXISTING
}
