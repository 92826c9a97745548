package io.salesops.ingest.sample;

import io.salesops.ingest.sample.CompanyNames.CompanyName;
import io.salesops.warehouse.model.Vocabulary;
import java.io.IOException;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * crm/leads.csv (and, alongside, the campaign touches behind them). Three leads per opportunity;
 * the converted ones are exactly the opportunities marked as coming from a lead, created 1–45
 * days before the deal. The others stop where the funnel left them: recent leads are still new
 * or being contacted, old ones mostly disqualified, some parked as MQL or SQL. Lead → MQL is
 * about 35 %, lead → converted about 12.5 %.
 */
final class LeadTables {
    private static final String[] STATUSES = {"new", "contacted", "mql", "sql", "disqualified"};
    private static final double[] FRESH = {0.55, 0.35, 0.07, 0.03, 0};
    private static final double[] WORKING = {0.10, 0.40, 0.25, 0.10, 0.15};
    private static final double[] OLD = {0.02, 0.18, 0.10, 0.06, 0.64};

    private LeadTables() {
    }

    static long count(GeneratorSettings settings) {
        return Math.round(3 * OpportunityBook.count(settings));
    }

    static void write(World world, SampleOutputs out) throws IOException {
        OpportunityBook opportunities = world.opportunities();
        DataWindow window = world.window();
        SplittableRandom random = world.streams().forTable("leads");
        long[] perMonth = window.allocate(count(world.settings()));
        long leadNumber = 0;
        try (CsvTableWriter leads = out.open(OutputFile.LEADS_CSV);
             CampaignTouches touches = new CampaignTouches(world, out)) {
            long[] slots = new long[0];
            for (int m = 0; m < window.months(); m++) {
                int from = opportunities.firstCreatedOn(window.monthStart(m));
                int to = opportunities.firstCreatedOn(window.monthEnd(m) + 1);
                int converted = 0;
                for (int o = from; o < to; o++) {
                    converted += opportunities.fromLead[o] ? 1 : 0;
                }
                int size = (int) Math.max(converted, perMonth[m]);
                if (slots.length < size) {
                    slots = new long[size];
                }
                int next = 0;
                for (int o = from; o < to; o++) {
                    if (opportunities.fromLead[o]) {
                        slots[next++] = o;
                    }
                }
                while (next < size) {
                    slots[next++] = -1;
                }
                Draw.shuffle(random, slots, size);
                for (int i = 0; i < size; i++) {
                    String id = Ids.code("LD", ++leadNumber, 8);
                    if (slots[i] >= 0) {
                        writeConverted(world, leads, touches, random, id, (int) slots[i]);
                    } else {
                        writeOpen(world, leads, touches, random, id, m);
                    }
                }
            }
            touches.writeContactTouches();
        }
    }

    private static void writeConverted(World world, CsvTableWriter leads, CampaignTouches touches,
                                       SplittableRandom random, String id, int o) throws IOException {
        OpportunityBook opportunities = world.opportunities();
        AccountBook accounts = world.accounts();
        int account = opportunities.account[o];
        int convertedDay = opportunities.createdDay(o);
        int campaign = CampaignBook.campaign(opportunities.origin[o]);
        int createdDay = Math.max(world.window().startDay(), convertedDay - Draw.between(random, 1, 45));
        if (campaign >= 0) { // not before the campaign that brought it in
            CampaignBook.Campaign c = world.campaigns().get(campaign);
            createdDay = Math.max(createdDay, c.type() == CampaignBook.TRADE_SHOW ? c.endDay() + 1 : c.startDay());
        }
        long created = Math.min(DataWindow.officeSecond(random, Math.min(createdDay, convertedDay)),
                opportunities.createdSecond[o] - 1800);
        CompanyName company = accounts.name(account);
        leads.row(id, PersonNames.draw(random).chinese(), Draw.chance(random, 0.25) ? company.shortName() : company.chinese(),
                Vocabulary.LEAD_SOURCES.get(CampaignBook.source(opportunities.origin[o])), "converted",
                Vocabulary.INDUSTRIES.get(accounts.industry[account]), Geography.region(accounts.region[account]),
                world.repId(world.accountOwnerAt(account, convertedDay)),
                campaign >= 0 ? world.campaigns().get(campaign).id() : null, Instant.ofEpochSecond(created),
                Instant.ofEpochSecond(opportunities.createdSecond[o]), opportunities.id(o));
        if (campaign >= 0) {
            touches.leadTouch(id, campaign, created);
        }
    }

    private static void writeOpen(World world, CsvTableWriter leads, CampaignTouches touches, SplittableRandom random,
                                  String id, int month) throws IOException {
        DataWindow window = world.window();
        int day = DataWindow.workday(random, window.monthStart(month), window.monthEnd(month));
        long created = DataWindow.officeSecond(random, day);
        int region = Draw.weighted(random, Geography.REGION_WEIGHTS);
        int industry = Draw.weighted(random, AccountBook.INDUSTRY_WEIGHTS);
        int age = world.endDay() - day;
        String status = STATUSES[Draw.weighted(random, age < 14 ? FRESH : age < 60 ? WORKING : OLD)];
        boolean queued = status.equals("new") && Draw.chance(random, 0.35); // still in marketing's queue
        int origin = world.campaigns().leadOrigin(random, day);
        int campaign = CampaignBook.campaign(origin);
        CompanyName company = CompanyNames.draw(random, region, industry);
        leads.row(id, PersonNames.draw(random).chinese(), Draw.chance(random, 0.2) ? company.shortName() : company.chinese(),
                Vocabulary.LEAD_SOURCES.get(CampaignBook.source(origin)), status,
                Draw.chance(random, 0.88) ? Vocabulary.INDUSTRIES.get(industry) : null,
                Draw.chance(random, 0.95) ? Geography.region(region) : null,
                queued ? null : world.repId(world.org().pickSeller(random, region, industry, day)),
                campaign >= 0 ? world.campaigns().get(campaign).id() : null, Instant.ofEpochSecond(created), null, null);
        if (campaign >= 0) {
            touches.leadTouch(id, campaign, created);
        }
    }
}
