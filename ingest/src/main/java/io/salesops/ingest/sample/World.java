package io.salesops.ingest.sample;

/**
 * The part of a generated world that several tables share, kept as small arrays: the
 * organisation, accounts, contacts, opportunities, customers, campaigns, products and rates.
 * Activities, leads and ERP transactions are not here: they are streamed straight to their files.
 */
record World(GeneratorSettings settings, DataWindow window, RandomStreams streams, OrgChart org,
             ProductCatalog products, CampaignBook campaigns, FxBook fx, AccountBook accounts,
             ContactBook contacts, OpportunityBook opportunities, CustomerBook customers) {

    static World build(GeneratorSettings settings) {
        RandomStreams streams = new RandomStreams(settings.seed());
        DataWindow window = DataWindow.of(settings);
        OrgChart org = OrgStaffing.staff(settings.scale(), window, streams.forTable("world.org"));
        ProductCatalog products = ProductCatalog.build(streams.forTable("world.products"));
        CampaignBook campaigns = CampaignBook.build(window, streams.forTable("world.campaigns"));
        FxBook fx = FxBook.build(window, streams.forTable("world.fx"));
        AccountBook accounts = AccountBook.build(settings.scale(), window, org, streams);
        ContactBook contacts = ContactBook.build(accounts, window, streams.forTable("world.contacts"));
        OpportunityBook opportunities = OpportunityBook.build(settings, window, accounts, campaigns, streams);
        CustomerBook customers = CustomerBook.build(settings, window, accounts, opportunities,
                streams.forTable("world.customers"));
        return new World(settings, window, streams, org, products, campaigns, fx, accounts, contacts, opportunities,
                customers);
    }

    int endDay() {
        return window.endDay();
    }

    /** Who looks after the account on that day (see {@link OrgChart#ownerAt}). */
    int accountOwnerAt(int account, int day) {
        return org.ownerAt(accounts.owner[account], day);
    }

    String repId(int rep) {
        return org.rep(rep).id();
    }
}
