package io.salesops.ingest.sample;

import static io.salesops.ingest.sample.OpportunityBook.NEGOTIATION;
import static io.salesops.ingest.sample.OpportunityBook.PROPOSAL;

import io.salesops.ingest.sample.StageTimeline.StageChange;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.SplittableRandom;

/**
 * crm/quotes.csv and crm/contracts.csv. A deal reaching proposal gets a quote on that day, and a
 * revised one in negotiation a third of the time; the last quote ends accepted, rejected, expired
 * or still sent with the deal. Customers also get price quotes outside any deal. About 60 % of won
 * deals are signed as one- or two-year supply contracts.
 */
final class QuoteContractTables {
    private static final int VALID_DAYS = 30;
    private static final double CONTRACT_SHARE = 0.6;

    private QuoteContractTables() {
    }

    static void write(World world, SampleOutputs out) throws IOException {
        OpportunityBook opportunities = world.opportunities();
        AccountBook accounts = world.accounts();
        SplittableRandom random = world.streams().forTable("quotes");
        int endDay = world.endDay();
        long quoteNumber = 0;
        try (CsvTableWriter quotes = out.open(OutputFile.QUOTES_CSV)) {
            for (int o = 0; o < opportunities.size; o++) {
                if (opportunities.lastOpenStage[o] < PROPOSAL) {
                    continue;
                }
                List<StageChange> changes = StageTimeline.of(opportunities, o, endDay, world.streams());
                StageChange proposal = StageTimeline.reached(changes, PROPOSAL);
                StageChange negotiation = StageTimeline.reached(changes, NEGOTIATION);
                boolean revised = negotiation != null && Draw.chance(random, 0.35);
                String account = accounts.id(opportunities.account[o]);
                String currency = accounts.currencyCode(opportunities.account[o]);
                if (revised) {
                    quotes.row(Ids.code("QT", ++quoteNumber, 8), opportunities.id(o), account,
                            DataWindow.date(proposal.day()), DataWindow.date(proposal.day() + VALID_DAYS),
                            proposal.amount(), currency, "expired");
                }
                StageChange quoted = revised ? negotiation : proposal;
                quotes.row(Ids.code("QT", ++quoteNumber, 8), opportunities.id(o), account, DataWindow.date(quoted.day()),
                        DataWindow.date(quoted.day() + VALID_DAYS), quoted.amount(), currency,
                        finalStatus(random, opportunities, o, quoted.day() + VALID_DAYS, endDay));
            }
            CustomerBook customers = world.customers();
            long priceQuotes = customers.size == 0 ? 0 : quoteNumber / 10;
            for (long q = 0; q < priceQuotes; q++) {
                int a = customers.account[random.nextInt(customers.size)];
                int day = DataWindow.workday(random, Math.max(world.window().startDay(),
                        customers.sinceDay[accounts.customer[a]]), endDay);
                double u = random.nextDouble();
                String status = day + VALID_DAYS >= endDay ? "sent" : u < 0.6 ? "accepted" : u < 0.8 ? "expired" : "rejected";
                BigDecimal amount = Amounts.money(customers.orderValue[accounts.customer[a]] * Draw.uniform(random, 2, 12)
                        / (accounts.currency[a] == AccountBook.CNY ? 1 : 7.2), 100);
                quotes.row(Ids.code("QT", ++quoteNumber, 8), null, accounts.id(a), DataWindow.date(day),
                        DataWindow.date(day + VALID_DAYS), amount, accounts.currencyCode(a), status);
            }
        }
        writeContracts(world, out);
    }

    private static String finalStatus(SplittableRandom random, OpportunityBook opportunities, int o, int validUntil,
                                      int endDay) {
        if (opportunities.won(o)) {
            return "accepted";
        }
        if (opportunities.closed(o)) {
            return Draw.chance(random, 0.7) ? "rejected" : "expired";
        }
        if (validUntil < endDay) {
            return "expired";
        }
        return Draw.chance(random, 0.1) ? "draft" : "sent";
    }

    private static void writeContracts(World world, SampleOutputs out) throws IOException {
        OpportunityBook opportunities = world.opportunities();
        AccountBook accounts = world.accounts();
        SplittableRandom random = world.streams().forTable("contracts");
        int endDay = world.endDay();
        long contractNumber = 0;
        try (CsvTableWriter contracts = out.open(OutputFile.CONTRACTS_CSV)) {
            for (int o = 0; o < opportunities.size; o++) {
                if (!opportunities.won(o) || !Draw.chance(random, CONTRACT_SHARE)) {
                    continue;
                }
                int signed = opportunities.closeDay[o];
                int start = signed + Draw.between(random, 0, 15);
                int years = Draw.chance(random, 0.2) ? 2 : 1;
                int end = (int) DataWindow.date(start).plusYears(years).minusDays(1).toEpochDay();
                String status = Draw.chance(random, 0.03) ? "terminated" : end < endDay ? "expired" : "active";
                int account = opportunities.account[o];
                contracts.row(Ids.code("HT", ++contractNumber, 8), accounts.id(account), opportunities.id(o),
                        DataWindow.date(signed), DataWindow.date(start), DataWindow.date(end),
                        BigDecimal.valueOf(opportunities.amount[o]).setScale(2), accounts.currencyCode(account), status);
            }
        }
    }
}
