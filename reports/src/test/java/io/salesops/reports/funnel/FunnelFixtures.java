package io.salesops.reports.funnel;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import io.salesops.reports.funnel.FunnelReportData.DurationLine;
import io.salesops.reports.funnel.FunnelReportData.MovementLine;
import io.salesops.reports.funnel.FunnelReportData.StepLine;
import io.salesops.reports.funnel.FunnelReportData.WinRateLine;
import io.salesops.reports.funnel.FunnelReportData.WorkItemLine;

/** Funnel report inputs shared by the tests, named after what they are. */
final class FunnelFixtures {

    static final YearMonth MARCH_2025 = YearMonth.of(2025, 3);

    private FunnelFixtures() {
    }

    /** Four steps from lead to won with Chinese names, two regions (one Chinese), every work list filled. */
    static FunnelReportData leadToWonInMarch() {
        return new FunnelReportData(MARCH_2025, "线索到赢单 Lead to won",
                List.of(step("线索 Lead", 1250, 368, 700, 182, "0.2944", "0.2944"),
                        step("合格 Qualified", 368, 120, 150, 98, "0.3261", "0.096"),
                        step("方案 Proposal", 120, 45, 40, 35, "0.375", "0.036"),
                        step("赢单 Won", 45, 0, 0, 45, null, null)),
                List.of(new WinRateLine("华东", 30, 70, new BigDecimal("0.3"), new BigDecimal("182500.456")),
                        new WinRateLine("North 华北", 0, 12, BigDecimal.ZERO, null)),
                List.of(new WinRateLine("展会 Trade show", 15, 10, new BigDecimal("0.6"), new BigDecimal("99000")),
                        new WinRateLine("官网 Website", 0, 0, null, null)),
                List.of(new DurationLine("线索 Lead", 1068, new BigDecimal("3.5"), new BigDecimal("12.25")),
                        new DurationLine("合格 Qualified", 270, new BigDecimal("11.04"), new BigDecimal("30"))),
                List.of(new MovementLine("start", 1200, new BigDecimal("12500000.00")),
                        new MovementLine("new", 418, new BigDecimal("3250000.50")),
                        new MovementLine("won", 45, new BigDecimal("-8212520.52")),
                        new MovementLine("lost", 240, new BigDecimal("-1900000")),
                        new MovementLine("removed", 12, new BigDecimal("-60000.10")),
                        new MovementLine("amount_change", 37, new BigDecimal("-125000")),
                        new MovementLine("advanced", 533, new BigDecimal("5400000")),
                        new MovementLine("regressed", 8, new BigDecimal("96000")),
                        new MovementLine("slipped", 21, new BigDecimal("410000")),
                        new MovementLine("pulled_in", 3, new BigDecimal("75000")),
                        new MovementLine("end", 1321, new BigDecimal("5527479.88"))),
                List.of(new WorkItemLine("FU-1001", "上海华东化工 Shanghai Huadong Chemical", "吴磊", "方案 Proposal",
                        "11.0 天 days", new BigDecimal("250000"))),
                List.of(new WorkItemLine("CR-77", null, null, "连续三月下单减少 Orders down 3 months", "风险 0.82",
                        null)),
                List.of(new WorkItemLine("RN-2025-031", "杭州西湖软件", "李娜", "年度合同 Annual contract",
                        "到期 2025-04-15", new BigDecimal("1200000.00"))));
    }

    /** The same funnel with all three work lists empty. */
    static FunnelReportData withEmptyWorkLists() {
        FunnelReportData full = leadToWonInMarch();
        return new FunnelReportData(full.period(), full.funnelName(), full.steps(), full.winRatesByRegion(),
                full.winRatesBySource(), full.medianTimeInStage(), full.pipelineMovement(), List.of(), List.of(),
                List.of());
    }

    static StepLine step(String step, long entered, long advanced, long lost, long open, String nextStepRate,
                         String cumulativeRate) {
        return new StepLine(step, entered, advanced, lost, open, ratio(nextStepRate), ratio(cumulativeRate));
    }

    private static BigDecimal ratio(String ratio) {
        return ratio == null ? null : new BigDecimal(ratio);
    }
}
