package io.salesops.ingest.sample;

import io.salesops.ingest.sample.CompanyNames.CompanyName;
import io.salesops.ingest.sample.PersonNames.PersonName;
import io.salesops.warehouse.model.Vocabulary;
import java.io.IOException;
import java.time.Instant;
import java.util.SplittableRandom;

/** crm/accounts.csv and crm/contacts.csv. */
final class AccountTables {
    private static final String[] TITLES = {"采购经理", "采购专员", "采购总监", "技术总监", "研发工程师", "生产经理",
            "总经理", "副总经理", "质量经理", "配方工程师", "供应链经理", "仓储主管"};
    private static final String[] AREA_CODES = {"021", "0512", "0571", "0574", "020", "0755", "0757", "010", "022",
            "027", "028", "024", "029", "0531", "0532", "0371"};

    private AccountTables() {
    }

    static void write(World world, SampleOutputs out) throws IOException {
        AccountBook accounts = world.accounts();
        SplittableRandom random = world.streams().forTable("accounts");
        try (CsvTableWriter writer = out.open(OutputFile.ACCOUNTS_CSV)) {
            for (int a = 0; a < accounts.size; a++) {
                CompanyName name = accounts.name(a);
                int customer = accounts.customer[a];
                writer.row(accounts.id(a), name.chinese(), Draw.chance(random, 0.6) ? name.english() : null,
                        Draw.chance(random, 0.97) ? Vocabulary.INDUSTRIES.get(accounts.industry[a]) : null,
                        Geography.region(accounts.region[a]), name.province(), name.city(),
                        world.repId(world.accountOwnerAt(a, world.endDay())),
                        customer >= 0 ? world.customers().id(customer) : null,
                        Instant.ofEpochSecond(DataWindow.officeSecond(random, accounts.createdDay[a])));
            }
        }
        writeContacts(world, out);
    }

    private static void writeContacts(World world, SampleOutputs out) throws IOException {
        ContactBook contacts = world.contacts();
        SplittableRandom random = world.streams().forTable("contacts");
        try (CsvTableWriter writer = out.open(OutputFile.CONTACTS_CSV)) {
            int nameOf = -1;
            CompanyName company = null;
            for (int c = 0; c < contacts.size; c++) {
                int a = contacts.account[c];
                if (a != nameOf) {
                    company = world.accounts().name(a);
                    nameOf = a;
                }
                PersonName person = PersonNames.draw(random);
                writer.row(contacts.id(c), world.accounts().id(a), person.chinese(), Draw.pick(random, TITLES),
                        phone(random), email(random, person, company),
                        Instant.ofEpochSecond(DataWindow.officeSecond(random, contacts.createdDay[c])));
            }
        }
    }

    private static String phone(SplittableRandom random) {
        double u = random.nextDouble();
        if (u < 0.7) {
            return "1" + Draw.pick(random, new String[] {"3", "5", "8", "9"}) + digits(random, 9);
        }
        return u < 0.9 ? Draw.pick(random, AREA_CODES) + "-" + Draw.between(random, 2, 8) + digits(random, 7) : null;
    }

    private static String email(SplittableRandom random, PersonName person, CompanyName company) {
        double u = random.nextDouble();
        if (u < 0.5) {
            return person.emailLocal() + "@" + company.domain();
        }
        if (u < 0.65) {
            return Draw.between(random, 1, 9) + digits(random, Draw.between(random, 7, 9)) + "@qq.com";
        }
        return u < 0.8 ? person.emailLocal().replace(".", "") + Draw.between(random, 1, 99) + "@163.com" : null;
    }

    static String digits(SplittableRandom random, int count) {
        StringBuilder out = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            out.append((char) ('0' + random.nextInt(10)));
        }
        return out.toString();
    }
}
