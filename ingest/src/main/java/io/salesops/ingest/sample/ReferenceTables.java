package io.salesops.ingest.sample;

import io.salesops.ingest.sample.CampaignBook.Campaign;
import io.salesops.ingest.sample.CompanyNames.CompanyName;
import io.salesops.ingest.sample.ProductCatalog.Product;
import io.salesops.warehouse.model.Vocabulary;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.SplittableRandom;

/** The master data other files join to: products, customers, fx rates and campaigns. Never dirty. */
final class ReferenceTables {
    private ReferenceTables() {
    }

    static void write(World world, SampleOutputs out) throws IOException {
        try (CsvTableWriter products = out.open(OutputFile.PRODUCTS_CSV)) {
            for (Product p : world.products().products()) {
                products.row(p.id(), p.name(), p.nameEn(), ProductCatalog.category(p.category()), p.unit(),
                        p.listPrice(), p.unitCost(), "CNY");
            }
        }
        writeCustomers(world, out);
        try (CsvTableWriter fx = out.open(OutputFile.FX_RATES_CSV)) {
            for (int currency : new int[] {AccountBook.USD, AccountBook.EUR}) {
                for (int m = 0; m < world.window().months(); m++) {
                    fx.row(Vocabulary.CURRENCIES.get(currency), DataWindow.date(world.window().monthStart(m)),
                            world.fx().rate(currency, m));
                }
            }
        }
        writeCampaigns(world, out);
    }

    private static void writeCustomers(World world, SampleOutputs out) throws IOException {
        AccountBook accounts = world.accounts();
        CustomerBook customers = world.customers();
        try (CsvTableWriter writer = out.open(OutputFile.CUSTOMERS_CSV)) {
            for (int c = 0; c < customers.size; c++) {
                int a = customers.account[c];
                CompanyName name = accounts.name(a);
                writer.row(customers.id(c), name.chinese(), accounts.id(a), Geography.region(accounts.region[a]),
                        name.province(), (long) customers.creditDays[c], DataWindow.date(customers.sinceDay[c]));
            }
        }
    }

    private static void writeCampaigns(World world, SampleOutputs out) throws IOException {
        SplittableRandom random = world.streams().forTable("campaigns");
        int endDay = world.endDay();
        try (CsvTableWriter writer = out.open(OutputFile.CAMPAIGNS_CSV)) {
            for (Campaign c : world.campaigns().campaigns()) {
                String status = c.startDay() > endDay ? "planned" : c.endDay() >= endDay ? "active" : "completed";
                BigDecimal actual = switch (status) {
                    case "completed" -> Amounts.money(c.budget().doubleValue() * Draw.uniform(random, 0.85, 1.1), 100);
                    case "active" -> Amounts.money(c.budget().doubleValue() * (endDay - c.startDay() + 1)
                            / (c.endDay() - c.startDay() + 1) * Draw.uniform(random, 0.9, 1.1), 100);
                    default -> null;
                };
                writer.row(c.id(), c.name(), CampaignBook.TYPES.get(c.type()), status, DataWindow.date(c.startDay()),
                        DataWindow.date(c.endDay()), c.budget(), actual, "CNY");
            }
        }
    }
}
