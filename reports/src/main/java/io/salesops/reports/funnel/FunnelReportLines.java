package io.salesops.reports.funnel;

import static io.salesops.reports.format.ReportFormats.NOT_APPLICABLE;
import static io.salesops.reports.format.ReportFormats.count;
import static io.salesops.reports.format.ReportFormats.grouped;
import static io.salesops.reports.format.ReportFormats.money;
import static io.salesops.reports.format.ReportFormats.percent;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The printed lines of the funnel report: one flat list, every cell formatted, in eight sections. Each
 * line carries its section's key, title and column headings (h1..h7), which the template's group header
 * prints once per section. A line is laid out either as a figures row (a label and up to six right-aligned
 * numbers) or as a work-list row (id, name, owner, detail, measure, amount). An empty section is one
 * line "无 None". Headings print Chinese above English.
 */
final class FunnelReportLines {

    static final String NONE = "无 None";
    static final String CHART_SERIES = "进入 Entered";

    private static final int COLUMNS = 7;
    private static final int DAYS_SCALE = 1;

    /** Pipeline movement keys and their printed labels (lines print in the order given, not in this one). */
    private static final Map<String, String> MOVEMENT_LABELS = movementLabels();

    private static final String[] STEP_HEADS = {"步骤\nStep", "进入\nEntered", "推进\nAdvanced", "流失\nLost",
            "未结\nOpen", "下一步转化率\nNext-step rate", "累计转化率\nCumulative rate"};
    private static final String[] REGION_HEADS = {"区域\nRegion", "赢单\nWon", "输单\nLost", "赢单率\nWin rate",
            "平均赢单金额\nAvg won (CNY)", "", ""};
    private static final String[] SOURCE_HEADS = {"来源\nSource", "赢单\nWon", "输单\nLost", "赢单率\nWin rate",
            "平均赢单金额\nAvg won (CNY)", "", ""};
    private static final String[] DURATION_HEADS = {"步骤\nStep", "数量\nn", "中位天数\nMedian days",
            "P90 天数\nP90 days", "", "", ""};
    private static final String[] MOVEMENT_HEADS = {"变动\nMovement", "商机数\nDeals", "金额\nAmount (CNY)",
            "", "", "", ""};
    private static final String[] WORK_HEADS = {"编号\nID", "名称\nName", "负责人\nOwner", "说明\nDetail",
            "度量\nMeasure", "金额\nAmount (CNY)", ""};

    private FunnelReportLines() {
    }

    /** The detail records of the template, in print order. */
    static List<Map<String, ?>> of(FunnelReportData data) {
        List<Map<String, ?>> lines = new ArrayList<>();
        figures(lines, "1", "转化漏斗 Conversion funnel", STEP_HEADS, data.steps(), s -> new String[] {s.step(),
                count(s.entered()), count(s.advanced()), count(s.lost()), count(s.open()),
                percent(s.nextStepRate()), percent(s.cumulativeRate())});
        figures(lines, "2", "按区域赢单率 Win rate by region", REGION_HEADS, data.winRatesByRegion(),
                FunnelReportLines::winRate);
        figures(lines, "3", "按来源赢单率 Win rate by source", SOURCE_HEADS, data.winRatesBySource(),
                FunnelReportLines::winRate);
        figures(lines, "4", "阶段停留中位时间 Median time in stage", DURATION_HEADS, data.medianTimeInStage(),
                d -> new String[] {d.step(), count(d.n()), days(d.medianDays()), days(d.p90Days()), "", "", ""});
        figures(lines, "5", "管道变动 Pipeline movement", MOVEMENT_HEADS, data.pipelineMovement(),
                m -> new String[] {movementLabel(m.movement()), count(m.deals()), money(m.amount()), "", "", "", ""});
        workList(lines, "6", "跟进到期 Follow-ups due", data.followupsDue());
        workList(lines, "7", "流失风险 Churn risk", data.churnRisk());
        workList(lines, "8", "续约到期 Renewals due", data.renewalsDue());
        return lines;
    }

    /** The records of the chart's dataset: one per step, its name and how many deals entered it. */
    static List<Map<String, ?>> chart(FunnelReportData data) {
        return data.steps().stream()
                .<Map<String, ?>>map(s -> Map.of("series", CHART_SERIES, "step", s.step(), "entered", s.entered()))
                .toList();
    }

    /** "期初 Start" for {@code start}, ...; an unknown key is an error. */
    static String movementLabel(String movement) {
        String label = MOVEMENT_LABELS.get(movement);
        if (label == null) {
            throw new IllegalArgumentException("movement must be one of " + String.join(", ", MOVEMENT_LABELS.keySet())
                    + ", cannot be: " + movement);
        }
        return label;
    }

    private static String[] winRate(FunnelReportData.WinRateLine w) {
        return new String[] {w.value(), count(w.won()), count(w.lost()), percent(w.winRate()),
                w.avgWonAmount() == null ? NOT_APPLICABLE : money(w.avgWonAmount()), "", ""};
    }

    /** Days with one decimal, half up: 11.04 → {@code 11.0}. */
    private static String days(BigDecimal days) {
        return grouped(days, DAYS_SCALE, RoundingMode.HALF_UP);
    }

    private static <T> void figures(List<Map<String, ?>> lines, String section, String title, String[] heads,
                                    List<T> items, Function<T, String[]> cells) {
        if (items.isEmpty()) {
            lines.add(line(section, title, heads, new String[] {NONE, "", "", "", "", "", ""}, false));
        }
        for (T item : items) {
            lines.add(line(section, title, heads, cells.apply(item), false));
        }
    }

    private static void workList(List<Map<String, ?>> lines, String section, String title,
                                 List<FunnelReportData.WorkItemLine> items) {
        if (items.isEmpty()) {
            lines.add(line(section, title, WORK_HEADS, new String[] {NONE, "", "", "", "", "", ""}, true));
        }
        for (FunnelReportData.WorkItemLine item : items) {
            lines.add(line(section, title, WORK_HEADS, new String[] {item.id(), orEmpty(item.name()),
                    orEmpty(item.owner()), item.detail(), item.measure(),
                    item.amount() == null ? NOT_APPLICABLE : money(item.amount()), ""}, true));
        }
    }

    private static Map<String, ?> line(String section, String title, String[] heads, String[] cells, boolean work) {
        Map<String, Object> line = new HashMap<>(32);
        line.put("section", section);
        line.put("title", title);
        for (int i = 0; i < COLUMNS; i++) {
            line.put("h" + (i + 1), heads[i]);
            line.put("c" + (i + 1), cells[i]);
        }
        line.put("workRow", work);
        line.put("figuresRow", !work);
        return line;
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    private static Map<String, String> movementLabels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("start", "期初 Start");
        labels.put("new", "新增 New");
        labels.put("won", "赢单 Won");
        labels.put("lost", "输单 Lost");
        labels.put("removed", "移除 Removed");
        labels.put("amount_change", "金额变动 Amount change");
        labels.put("end", "期末 End");
        labels.put("advanced", "推进 Advanced");
        labels.put("regressed", "回退 Regressed");
        labels.put("slipped", "延期 Slipped");
        labels.put("pulled_in", "提前 Pulled in");
        return Collections.unmodifiableMap(labels);
    }
}
