package io.salesops.ingest.sample;

import io.salesops.ingest.sample.CampaignBook.Campaign;
import java.io.Closeable;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/**
 * marketing/campaign_touches.csv: first the touch behind every campaign lead (written while the
 * leads are), then contacts opening newsletters, attending shows and webinars and visiting the
 * site, about two per contact over 36 months.
 */
final class CampaignTouches implements Closeable {
    private static final double[] TYPE_WEIGHTS = {2, 3, 1.5, 0.3, 1}; // per CampaignBook type

    private final World world;
    private final CsvTableWriter writer;
    private final SplittableRandom random;
    private long touchNumber;

    CampaignTouches(World world, SampleOutputs out) throws IOException {
        this.world = world;
        this.writer = out.open(OutputFile.CAMPAIGN_TOUCHES_CSV);
        this.random = world.streams().forTable("campaign_touches");
    }

    /** The touch that produced a lead: at the show, or minutes before the lead was created. */
    void leadTouch(String leadId, int campaignIndex, long leadCreatedSecond) throws IOException {
        Campaign campaign = world.campaigns().get(campaignIndex);
        long second = campaign.type() == CampaignBook.TRADE_SHOW
                ? DataWindow.officeSecond(random, Draw.between(random, campaign.startDay(), campaign.endDay()))
                : leadCreatedSecond - 60L * Draw.between(random, 5, 240);
        String type = campaign.type() == CampaignBook.EMAIL ? (Draw.chance(random, 0.5) ? "clicked" : "responded")
                : touchType(campaign.type());
        writer.row(nextId(), campaign.id(), leadId, null, null, type, Instant.ofEpochSecond(second));
    }

    void writeContactTouches() throws IOException {
        ContactBook contacts = world.contacts();
        int start = world.window().startDay();
        int end = world.endDay();
        List<Campaign> campaigns = world.campaigns().campaigns();
        double[] weights = new double[campaigns.size()];
        for (Campaign c : campaigns) {
            boolean inWindow = c.startDay() <= end && c.endDay() >= start;
            weights[c.index()] = inWindow ? TYPE_WEIGHTS[c.type()] : 0;
        }
        long total = Math.round(2.0 * contacts.size * world.window().months() / 36.0);
        long[] perCampaign = Shares.allocate(total, weights);
        for (Campaign c : campaigns) {
            int from = Math.max(start, c.startDay());
            int to = Math.min(end, c.type() == CampaignBook.EMAIL ? c.startDay() + 14 : c.endDay());
            for (long i = 0; i < perCampaign[c.index()] && from <= to; i++) {
                int day = DataWindow.workday(random, from, to);
                int contact = contactExistingOn(day);
                if (contact < 0) {
                    continue;
                }
                writer.row(nextId(), c.id(), null, contacts.id(contact), world.accounts().id(contacts.account[contact]),
                        touchType(c.type()), Instant.ofEpochSecond(DataWindow.officeSecond(random, day)));
            }
        }
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }

    private int contactExistingOn(int day) {
        ContactBook contacts = world.contacts();
        for (int attempt = 0; attempt < 10; attempt++) {
            int contact = random.nextInt(contacts.size);
            if (contacts.createdDay[contact] <= day) {
                return contact;
            }
        }
        return -1;
    }

    private String touchType(int campaignType) {
        return switch (campaignType) {
            case CampaignBook.TRADE_SHOW, CampaignBook.WEBINAR -> "attended";
            case CampaignBook.EMAIL -> {
                double u = random.nextDouble();
                yield u < 0.6 ? "opened" : u < 0.9 ? "clicked" : "responded";
            }
            default -> "visited";
        };
    }

    private String nextId() {
        return Ids.code("TCH", ++touchNumber, 9);
    }
}
