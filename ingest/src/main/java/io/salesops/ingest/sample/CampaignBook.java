package io.salesops.ingest.sample;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Marketing's calendar: the industry's trade shows (CHINACOAT, CHINAPLAS, CPHI...), a monthly
 * email newsletter, quarterly webinars, search and trade-press advertising and the website. It
 * starts two months before the window (leads from a November show arrive in January) and ends two
 * months after it (planned campaigns). Also answers which campaign a lead created on a day came from.
 */
final class CampaignBook {
    static final int TRADE_SHOW = 0;
    static final int EMAIL = 1;
    static final int WEBINAR = 2;
    static final int ADVERTISING = 3;
    static final int WEBSITE = 4;
    static final List<String> TYPES = List.of("trade_show", "email", "webinar", "advertising", "website");

    record Campaign(int index, String id, String name, int type, int startDay, int endDay, BigDecimal budget) {
    }

    /** Calendar month | name template ({y} = year) | budget in CNY. */
    private static final String[] TRADE_SHOWS = {
            "3|第{y}届中国国际农用化学品及植保展览会（CAC）|260000",
            "4|中国国际塑料橡胶工业展览会 CHINAPLAS {y}|520000",
            "4|NEPCON China {y} 中国国际电子生产设备暨微电子工业展|180000",
            "6|世界制药原料中国展 CPHI China {y}|320000",
            "6|上海国际水展 Aquatech China {y}|150000",
            "8|{y}中国国际建筑涂料与防水材料展览会|160000",
            "9|中国国际化工展览会 ICIF China {y}|280000",
            "9|中国国际染料工业及有机颜料、纺织化学品展览会 {y}|200000",
            "11|中国国际涂料展 CHINACOAT{y}|600000"};
    private static final String[] WEBINARS = {"水性涂料助剂应用线上研讨会", "环保增塑剂替代方案网络研讨会",
            "表面活性剂在农药制剂中的应用直播", "电子级溶剂洁净度控制技术讲座"};

    private final List<Campaign> campaigns;
    private final int firstDay;
    private final int[] showEndedBefore;
    private final int[] emailAt;
    private final int[] webinarAt;
    private final int[] websiteAt;

    private CampaignBook(List<Campaign> campaigns, DataWindow window) {
        this.campaigns = List.copyOf(campaigns);
        this.firstDay = window.startDay();
        int days = window.endDay() - firstDay + 1;
        showEndedBefore = latest(days, TRADE_SHOW, 60, true);
        emailAt = latest(days, EMAIL, 45, false);
        webinarAt = latest(days, WEBINAR, 30, false);
        websiteAt = latest(days, WEBSITE, 400, false);
    }

    static CampaignBook build(DataWindow window, SplittableRandom random) {
        List<Campaign> campaigns = new ArrayList<>();
        YearMonth first = window.month(0).minusMonths(2);
        YearMonth last = window.month(window.months() - 1).plusMonths(2);
        int[] perYear = new int[10_000];
        for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            int year = month.getYear();
            int m = month.getMonthValue();
            int day1 = (int) month.atDay(1).toEpochDay();
            if (m == 1 || month.equals(first)) {
                add(campaigns, perYear, year, "官网询盘与搜索优化 " + year + "年", WEBSITE, day1,
                        (int) YearMonth.of(year, 12).atEndOfMonth().toEpochDay(), 120_000, random);
                add(campaigns, perYear, year, "《涂料工业》杂志广告 " + year + "年", ADVERTISING, day1,
                        (int) YearMonth.of(year, 12).atEndOfMonth().toEpochDay(), 90_000, random);
            }
            if (m == 1 || m == 7) {
                add(campaigns, perYear, year, "百度搜索推广 " + year + (m == 1 ? "上半年" : "下半年"), ADVERTISING, day1,
                        (int) month.plusMonths(5).atEndOfMonth().toEpochDay(), 150_000, random);
            }
            for (String show : TRADE_SHOWS) {
                String[] f = show.split("\\|");
                if (Integer.parseInt(f[0]) == m) {
                    int start = day1 + Draw.between(random, 8, 20);
                    add(campaigns, perYear, year, f[1].replace("{y}", String.valueOf(year)), TRADE_SHOW, start,
                            start + 2, Integer.parseInt(f[2]), random);
                }
            }
            add(campaigns, perYear, year, year + "年" + m + "月产品快讯邮件", EMAIL, day1 + 9, day1 + 23, 12_000, random);
            if (m % 3 == 0) {
                int day = day1 + Draw.between(random, 10, 25);
                add(campaigns, perYear, year, WEBINARS[(m / 3 - 1) % WEBINARS.length] + "（" + year + "年" + m + "月）",
                        WEBINAR, day, day, 20_000, random);
            }
        }
        return new CampaignBook(campaigns, window);
    }

    List<Campaign> campaigns() {
        return campaigns;
    }

    Campaign get(int index) {
        return campaigns.get(index);
    }

    /**
     * Where a lead created on {@code day} came from: a source index (Vocabulary.LEAD_SOURCES) and a
     * campaign index or -1, packed as {@code source << 16 | (campaign + 1)}. A trade-show lead
     * needs a show in the last 60 days; without one it is a website lead.
     */
    int leadOrigin(SplittableRandom random, int day) {
        int source = Draw.weighted(random, new double[] {0.25, 0.25, 0.15, 0.20, 0.15});
        int i = Math.max(0, Math.min(day - firstDay, emailAt.length - 1));
        int campaign = switch (source) {
            case 0 -> showEndedBefore[i];
            case 1 -> Draw.chance(random, 0.6) ? websiteAt[i] : -1;
            case 3 -> webinarAt[i] >= 0 && Draw.chance(random, 0.3) ? webinarAt[i] : emailAt[i];
            default -> -1;
        };
        if (source == 0 && campaign < 0) {
            source = 1;
            campaign = websiteAt[i];
        }
        return source << 16 | (campaign + 1);
    }

    static int source(int origin) {
        return origin >>> 16;
    }

    static int campaign(int origin) {
        return (origin & 0xffff) - 1;
    }

    private static void add(List<Campaign> campaigns, int[] perYear, int year, String name, int type, int start,
                            int end, int budget, SplittableRandom random) {
        String id = Ids.code("CMP-" + year + "-", ++perYear[year], 3);
        BigDecimal planned = Amounts.money(budget * Draw.uniform(random, 0.8, 1.25), 1000);
        campaigns.add(new Campaign(campaigns.size(), id, name, type, start, end, planned));
    }

    /** Per window day, the latest campaign of a type running (or, for shows, ended) within {@code reach} days. */
    private int[] latest(int days, int type, int reach, boolean afterEnd) {
        int[] latest = new int[days];
        Arrays.fill(latest, -1);
        for (Campaign c : campaigns) {
            if (c.type() != type) {
                continue;
            }
            int from = (afterEnd ? c.endDay() + 1 : c.startDay()) - firstDay;
            int to = (afterEnd ? c.endDay() + reach : Math.max(c.endDay(), c.startDay() + reach)) - firstDay;
            for (int d = Math.max(0, from); d <= Math.min(days - 1, to); d++) {
                latest[d] = c.index();
            }
        }
        return latest;
    }
}
