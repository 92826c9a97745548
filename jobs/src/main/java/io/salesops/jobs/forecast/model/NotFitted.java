package io.salesops.jobs.forecast.model;

/** A model that could not be fitted to a series, and why, in words a finance user can act on. */
public record NotFitted(String model, String reason) {
}
