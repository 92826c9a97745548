package io.salesops.jobs.commission.plan;

import java.math.BigDecimal;
import java.util.Optional;

/** A component that pays something, with an optional cap on what it pays per period. */
public sealed interface EarningComponent extends Component
        permits RateComponent, TieredComponent, AttainmentComponent, NewCustomerBonusComponent,
        MarginComponent, VolumeComponent, SpifComponent, ManagerOverrideComponent {

    /** The most this component pays in one period, at the plan's rounding scale. */
    Optional<BigDecimal> cap();
}
