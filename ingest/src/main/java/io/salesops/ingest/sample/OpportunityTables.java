package io.salesops.ingest.sample;

import static io.salesops.ingest.sample.OpportunityBook.CLOSED_LOST;
import static io.salesops.ingest.sample.OpportunityBook.CLOSED_WON;
import static io.salesops.ingest.sample.OpportunityBook.NEGOTIATION;
import static io.salesops.ingest.sample.OpportunityBook.PROPOSAL;
import static io.salesops.ingest.sample.OpportunityBook.QUALIFICATION;

import io.salesops.ingest.sample.StageTimeline.StageChange;
import io.salesops.warehouse.model.Vocabulary;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/**
 * crm/opportunities.csv, crm/opportunity_stage_history.csv and crm/opportunity_splits.csv. The
 * opportunity row shows the last change of its timeline: same stage, amount and probability;
 * is_closed, is_won and the forecast category follow the stage.
 */
final class OpportunityTables {
    private static final String[] DEAL_KINDS = {"年度供货", "试样订单", "新项目开发", "替代进口", "扩产采购", "框架协议",
            "季度采购"};
    /** Sources of deals reps open on their own accounts: referral, cold_call, website. */
    private static final int[] DIRECT_SOURCES = {2, 4, 1};
    private static final double SPLIT_SHARE = 0.10;
    private static final int[][] SPLIT_PERCENTS = {{70, 30}, {60, 40}, {50, 50}, {50, 25, 25}, {40, 30, 30}};

    private OpportunityTables() {
    }

    static void write(World world, SampleOutputs out) throws IOException {
        OpportunityBook opportunities = world.opportunities();
        AccountBook accounts = world.accounts();
        SplittableRandom random = world.streams().forTable("opportunities");
        int endDay = world.endDay();
        try (CsvTableWriter writer = out.open(OutputFile.OPPORTUNITIES_CSV);
             CsvTableWriter history = out.open(OutputFile.STAGE_HISTORY_CSV)) {
            for (int o = 0; o < opportunities.size; o++) {
                int account = opportunities.account[o];
                List<StageChange> changes = StageTimeline.of(opportunities, o, endDay, world.streams());
                StageChange last = changes.get(changes.size() - 1);
                int stage = opportunities.stage[o];
                String opportunityId = opportunities.id(o);
                for (StageChange change : changes) {
                    history.row(opportunityId, change.stageName(), Instant.ofEpochSecond(change.second()), change.amount(),
                            change.probability());
                }
                String name = accounts.name(account).shortName() + "-"
                        + world.products().typicalFor(random, accounts.industry[account]).shortName()
                        + Draw.pick(random, DEAL_KINDS);
                boolean blankCloseDate = stage <= QUALIFICATION && Draw.chance(random, 0.12);
                int owner = world.accountOwnerAt(account, Math.min(opportunities.closeDay[o], endDay));
                writer.row(opportunityId, opportunities.withoutAccount[o] ? null : accounts.id(account), name,
                        last.stageName(), last.amount(), accounts.currencyCode(account), last.probability(),
                        blankCloseDate ? null : DataWindow.date(opportunities.closeDay[o]), world.repId(owner),
                        leadSource(random, opportunities, o), campaignId(world, opportunities, o),
                        forecastCategory(random, stage), stage >= CLOSED_WON, stage == CLOSED_WON,
                        Instant.ofEpochSecond(opportunities.createdSecond[o]));
            }
        }
        writeSplits(world, out);
    }

    private static String leadSource(SplittableRandom random, OpportunityBook opportunities, int o) {
        if (opportunities.fromLead[o]) {
            return Vocabulary.LEAD_SOURCES.get(CampaignBook.source(opportunities.origin[o]));
        }
        return Draw.chance(random, 0.55) ? Vocabulary.LEAD_SOURCES.get(DIRECT_SOURCES[random.nextInt(3)]) : null;
    }

    static String campaignId(World world, OpportunityBook opportunities, int o) {
        int campaign = opportunities.fromLead[o] ? CampaignBook.campaign(opportunities.origin[o]) : -1;
        return campaign >= 0 ? world.campaigns().get(campaign).id() : null;
    }

    /** Early stages are pipeline; proposals mostly best case; negotiations mostly commit. */
    private static String forecastCategory(SplittableRandom random, int stage) {
        return switch (stage) {
            case PROPOSAL -> Draw.chance(random, 0.8) ? "best_case" : "pipeline";
            case NEGOTIATION -> Draw.chance(random, 0.75) ? "commit" : "best_case";
            case CLOSED_WON -> "closed";
            case CLOSED_LOST -> "omitted";
            default -> "pipeline";
        };
    }

    /** About one deal in ten is shared with colleagues of the same region; the shares add up to 100. */
    private static void writeSplits(World world, SampleOutputs out) throws IOException {
        OpportunityBook opportunities = world.opportunities();
        SplittableRandom random = world.streams().forTable("opportunity_splits");
        try (CsvTableWriter writer = out.open(OutputFile.SPLITS_CSV)) {
            for (int o = 0; o < opportunities.size; o++) {
                if (!Draw.chance(random, SPLIT_SHARE)) {
                    continue;
                }
                int day = Math.min(opportunities.closeDay[o], world.endDay());
                int owner = world.accountOwnerAt(opportunities.account[o], day);
                int[] percents = Draw.pick(random, SPLIT_PERCENTS);
                int[] reps = new int[percents.length];
                reps[0] = owner;
                boolean complete = true;
                for (int i = 1; i < reps.length && complete; i++) {
                    reps[i] = world.org().pickColleague(random, owner, day);
                    for (int j = 0; j < i; j++) {
                        complete &= reps[i] >= 0 && reps[i] != reps[j];
                    }
                }
                if (!complete) {
                    continue;
                }
                for (int i = 0; i < reps.length; i++) {
                    writer.row(opportunities.id(o), world.repId(reps[i]), BigDecimal.valueOf(percents[i]));
                }
            }
        }
    }
}
