package io.salesops.ingest.sample;

import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * crm/activities.csv, the biggest file (5 000 000 × scale × months / 36 rows). Written month by
 * month: the month's activities are first drawn as packed longs (time, kind, deal or account),
 * sorted, then spelled out, so memory holds one month of longs, not the file. 60 % belong to a
 * deal open at the time, the rest to account care; the rep is whoever looks after the account
 * that day.
 */
final class ActivityTable {
    private static final String[] TYPES = {"call", "visit", "email", "meeting", "sample_sent"};
    private static final double[] DEAL_MIX = {0.30, 0.20, 0.25, 0.15, 0.10};
    private static final double[] ACCOUNT_MIX = {0.40, 0.15, 0.35, 0.05, 0.05};
    private static final String[][] SUBJECTS = {
            {"电话跟进{p}报价", "电话回访：{p}使用情况", "确认{p}交货期", "电话沟通年度采购计划"},
            {"拜访客户：{p}技术交流", "上门拜访采购部", "现场解决{p}应用问题", "陪同技术人员拜访"},
            {"发送{p}技术资料（TDS/MSDS）", "邮件报价：{p}", "发送COA及检测报告", "邮件确认{p}订单"},
            {"年度框架协议商务谈判", "{p}替代方案评审会", "季度业务回顾会议", "{p}质量问题分析会"},
            {"寄送{p}样品", "送样：{p}（1kg）", "{p}小样寄送及测试跟进"}};
    private static final double DEAL_SHARE = 0.6;
    /** Deals can be open this long before the month (longest cycle plus slack). */
    private static final int LOOK_BACK_DAYS = 130;
    private static final long DEAL_FLAG = 1L << 32;

    private ActivityTable() {
    }

    static long count(GeneratorSettings settings) {
        return Math.round(5_000_000 * settings.scale() * settings.months() / 36.0);
    }

    static void write(World world, SampleOutputs out) throws IOException {
        DataWindow window = world.window();
        SplittableRandom random = world.streams().forTable("activities");
        long[] perMonth = window.allocate(count(world.settings()));
        long[] month = new long[0];
        long activityNumber = 0;
        try (CsvTableWriter writer = out.open(OutputFile.ACTIVITIES_CSV)) {
            for (int m = 0; m < window.months(); m++) {
                if (month.length < perMonth[m]) {
                    month = new long[(int) perMonth[m]];
                }
                int size = 0;
                for (long i = 0; i < perMonth[m]; i++) {
                    month[size++] = drawActivity(world, random, m);
                }
                Arrays.sort(month, 0, size);
                for (int i = 0; i < size; i++) {
                    writeActivity(world, writer, random, Ids.code("ACT", ++activityNumber, 9), month[i],
                            window.monthStart(m));
                }
            }
        }
    }

    /** Seconds into the month in the high bits, then the deal flag, then the deal or account index. */
    private static long drawActivity(World world, SplittableRandom random, int m) {
        DataWindow window = world.window();
        OpportunityBook opportunities = world.opportunities();
        int monthStart = window.monthStart(m);
        int monthEnd = window.monthEnd(m);
        if (Draw.chance(random, DEAL_SHARE)) {
            int low = opportunities.firstCreatedOn(monthStart - LOOK_BACK_DAYS);
            int high = opportunities.firstCreatedOn(monthEnd + 1);
            for (int attempt = 0; attempt < 20 && high > low; attempt++) {
                int o = low + random.nextInt(high - low);
                if (opportunities.closeDay[o] >= monthStart) {
                    int from = Math.max(opportunities.createdDay(o), monthStart);
                    int to = Math.min(opportunities.closeDay[o], monthEnd);
                    long second = DataWindow.officeSecond(random, DataWindow.workday(random, from, to));
                    return (second - monthStart * 86_400L) << 33 | DEAL_FLAG | o;
                }
            }
        }
        int account = world.accounts().pickExisting(random, monthEnd);
        int from = Math.max(world.accounts().createdDay[account], monthStart);
        long second = DataWindow.officeSecond(random, DataWindow.workday(random, from, monthEnd));
        return (second - monthStart * 86_400L) << 33 | account;
    }

    private static void writeActivity(World world, CsvTableWriter writer, SplittableRandom random, String id,
                                      long packed, int monthStart) throws IOException {
        long second = (packed >>> 33) + monthStart * 86_400L;
        int day = (int) (second / 86_400);
        boolean deal = (packed & DEAL_FLAG) != 0;
        int index = (int) (packed & 0xffffffffL);
        OpportunityBook opportunities = world.opportunities();
        int account = deal ? opportunities.account[index] : index;
        boolean showAccount = !deal || !opportunities.withoutAccount[index];
        int type = Draw.weighted(random, deal ? DEAL_MIX : ACCOUNT_MIX);
        String product = world.products().typicalFor(random, world.accounts().industry[account]).shortName();
        String subject = Draw.pick(random, SUBJECTS[type]).replace("{p}", product);
        Long minutes = switch (type) {
            case 0 -> (long) Draw.between(random, 3, 30);
            case 1 -> (long) Draw.between(random, 45, 180);
            case 3 -> (long) Draw.between(random, 30, 120);
            default -> null;
        };
        writer.row(id, TYPES[type], subject, showAccount ? world.accounts().id(account) : null,
                deal ? opportunities.id(index) : null, world.repId(world.accountOwnerAt(account, day)),
                Instant.ofEpochSecond(second), minutes);
    }
}
