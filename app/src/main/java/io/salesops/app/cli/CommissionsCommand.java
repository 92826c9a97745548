package io.salesops.app.cli;

import io.salesops.jobs.commission.ledger.CommissionPeriods;
import io.salesops.jobs.commission.ledger.ManualAdjustment;
import io.salesops.jobs.commission.ledger.ManualAdjustments;
import io.salesops.jobs.commission.run.PeriodFiles;
import io.salesops.jobs.commission.run.RecordAdjustment;
import io.salesops.jobs.commission.ledger.PeriodClose;
import io.salesops.jobs.commission.ledger.PeriodEvent;
import io.salesops.jobs.commission.ledger.RunDiff;
import io.salesops.warehouse.store.Warehouse;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.time.YearMonth;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Finance's month-end commands: a period's status, approve, close, manual adjustments, and what changed between runs. */
@Command(name = "commissions", mixinStandardHelpOptions = true,
        description = "Approve, close and adjust commission periods; compare runs.",
        subcommands = {CommissionsCommand.Status.class, CommissionsCommand.Approve.class,
                CommissionsCommand.Close.class, CommissionsCommand.Adjust.class,
                CommissionsCommand.Withdraw.class, CommissionsCommand.Diff.class})
final class CommissionsCommand {

    private static String user() {
        return System.getProperty("user.name", "unknown");
    }

    private static void print(PrintWriter out, PeriodEvent event) {
        out.printf("%s  %-10s run %-6s by %-16s at %s%s%n", event.period(), event.status(), event.runId(),
                event.actor(), event.at().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                event.note() == null ? "" : "  (" + event.note() + ")");
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "A period's history: calculated, approved, closed; without --period, every period's state.")
    static final class Status implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        DataDirOption data;
        @Option(names = "--period", paramLabel = "YYYY-MM", converter = PeriodConverter.class)
        YearMonth period;
        @Option(names = "--verify", description = "Check the period's payroll and statement folders against their"
                + " SHA256SUMS manifests: exactly the current run's files, unchanged (exit 1 naming each that is not).")
        boolean verify;

        @Override
        public Integer call() throws Exception {
            if (verify && period == null) {
                throw new CliException("--verify needs --period");
            }
            try (var context = ContextFactory.start(data, false)) {
                CommissionPeriods periods = context.getBean(CommissionPeriods.class);
                if (period == null) {
                    return all(periods, spec.commandLine().getOut());
                }
                if (verify) {
                    return verify(context.getBean(io.salesops.warehouse.DataLayout.class), periods, period.toString(),
                            spec.commandLine().getOut());
                }
                List<PeriodEvent> history = periods.history(period.toString());
                PrintWriter out = spec.commandLine().getOut();
                if (history.isEmpty()) {
                    out.println(period + ": not calculated yet");
                }
                history.forEach(event -> print(out, event));
                periods.staleness(period.toString()).ifPresent(why -> out.println(period + ": out of date: " + why));
                out.flush();
                return 0;
            }
        }

        private static int verify(io.salesops.warehouse.DataLayout layout, CommissionPeriods periods, String period,
                                  PrintWriter out) {
            PeriodEvent current = periods.current(period).orElseThrow(() -> new CliException(period
                    + ": not calculated yet, nothing to verify"));
            List<String> problems = PeriodFiles.verify(layout, period, current.runId());
            if (!problems.isEmpty()) {
                throw new CliException(period + " (run " + current.runId() + ", " + current.status() + ") does not"
                        + " verify: " + String.join("; ", problems));
            }
            out.println(period + ": the payroll and statement files are exactly those of run " + current.runId()
                    + " (" + current.status() + "), unchanged");
            out.flush();
            return 0;
        }

        /** One line per period, its current state, and whether it is out of date. */
        private static int all(CommissionPeriods periods, PrintWriter out) {
            List<PeriodEvent> current = periods.allCurrent();
            if (current.isEmpty()) {
                out.println("no commission period calculated yet");
            }
            for (PeriodEvent event : current) {
                print(out, event);
                if (periods.staleness(event.period()).isPresent()) {
                    out.println(event.period() + ": out of date (`salesops commissions status --period "
                            + event.period() + "` says why)");
                }
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "approve", mixinStandardHelpOptions = true,
            description = "Approve a calculated period's current results.")
    static final class Approve implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        DataDirOption data;
        @Option(names = "--period", required = true, paramLabel = "YYYY-MM", converter = PeriodConverter.class)
        YearMonth period;
        @Option(names = "--by", paramLabel = "NAME", description = "Who approves (default: the system user).")
        String by;

        @Override
        public Integer call() throws Exception {
            try (var context = ContextFactory.start(data, false)) {
                PeriodEvent event = context.getBean(CommissionPeriods.class).approve(period.toString(), by == null ? user() : by);
                print(spec.commandLine().getOut(), event);
                spec.commandLine().getOut().flush();
                return 0;
            }
        }
    }

    @Command(name = "close", mixinStandardHelpOptions = true,
            description = "Close an approved period: its results go to the ledger and never change again.")
    static final class Close implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        DataDirOption data;
        @Option(names = "--period", required = true, paramLabel = "YYYY-MM", converter = PeriodConverter.class)
        YearMonth period;
        @Option(names = "--by", paramLabel = "NAME", description = "Who closes (default: the system user).")
        String by;

        @Override
        public Integer call() throws Exception {
            try (var context = ContextFactory.start(data, false)) {
                PeriodEvent event = context.getBean(PeriodClose.class).close(period.toString(), by == null ? user() : by);
                print(spec.commandLine().getOut(), event);
                spec.commandLine().getOut().flush();
                return 0;
            }
        }
    }

    @Command(name = "adjust", mixinStandardHelpOptions = true,
            description = "Record a manual adjustment; it is paid when the period is next calculated.")
    static final class Adjust implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        DataDirOption data;
        @Option(names = "--period", required = true, paramLabel = "YYYY-MM", converter = PeriodConverter.class)
        YearMonth period;
        @Option(names = "--rep", required = true, paramLabel = "REP_ID")
        String rep;
        @Option(names = "--amount", required = true, paramLabel = "AMOUNT", description = "Signed, e.g. -150.00.")
        BigDecimal amount;
        @Option(names = "--currency", defaultValue = "CNY", paramLabel = "CODE")
        String currency;
        @Option(names = "--reason", required = true, paramLabel = "TEXT")
        String reason;
        @Option(names = "--approved-by", required = true, paramLabel = "NAME")
        String approvedBy;
        @Option(names = "--by", paramLabel = "NAME", description = "Who records it (default: the system user).")
        String by;

        @Override
        public Integer call() throws Exception {
            try (var context = ContextFactory.start(data, false)) {
                ManualAdjustment adjustment;
                try {
                    adjustment = context.getBean(RecordAdjustment.class).record(period, rep,
                            amount, currency, reason, by == null ? user() : by, approvedBy);
                } catch (IllegalArgumentException | IllegalStateException e) {
                    throw new CliException(e.getMessage());
                }
                PrintWriter out = spec.commandLine().getOut();
                out.printf("recorded adjustment %s: %s %s %s for %s (%s, approved by %s); it is paid when"
                                + " `salesops run commissions --period %s` next calculates the period%n",
                        adjustment.adjustmentId(), adjustment.amount().toPlainString(), adjustment.currency(),
                        adjustment.period(), adjustment.repId(), adjustment.reason(), adjustment.approvedBy(),
                        adjustment.period());
                out.flush();
                return 0;
            }
        }
    }

    @Command(name = "withdraw", mixinStandardHelpOptions = true,
            description = "Withdraw a manual adjustment of an open period (recorded: who, when, why); the period's"
                    + " next calculation no longer pays it.")
    static final class Withdraw implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        DataDirOption data;
        @Option(names = "--adjustment", required = true, paramLabel = "ID", description = "The id `adjust` printed.")
        String adjustmentId;
        @Option(names = "--reason", required = true, paramLabel = "TEXT")
        String reason;
        @Option(names = "--by", paramLabel = "NAME", description = "Who withdraws it (default: the system user).")
        String by;

        @Override
        public Integer call() throws Exception {
            try (var context = ContextFactory.start(data, false)) {
                ManualAdjustments.Withdrawal withdrawal;
                try {
                    withdrawal = context.getBean(ManualAdjustments.class).withdraw(adjustmentId,
                            by == null ? user() : by, reason);
                } catch (IllegalArgumentException | IllegalStateException e) {
                    throw new CliException(e.getMessage());
                }
                ManualAdjustment adjustment = withdrawal.adjustment();
                PrintWriter out = spec.commandLine().getOut();
                out.printf("withdrew adjustment %s (%s %s %s for %s) by %s: %s; `salesops run commissions --period %s`"
                                + " next calculates the period without it%n", adjustment.adjustmentId(),
                        adjustment.amount().toPlainString(), adjustment.currency(), adjustment.period(),
                        adjustment.repId(), withdrawal.withdrawnBy(), withdrawal.reason(), adjustment.period());
                out.flush();
                return 0;
            }
        }
    }

    @Command(name = "diff", mixinStandardHelpOptions = true,
            description = "What changed between two runs of a period, per rep, component and transaction.")
    static final class Diff implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        DataDirOption data;
        @Option(names = "--period", required = true, paramLabel = "YYYY-MM", converter = PeriodConverter.class)
        YearMonth period;
        @Option(names = "--run", required = true, paramLabel = "RUN",
                description = "The two runs, older first: --run A --run B.")
        List<String> runs;

        @Override
        public Integer call() {
            if (runs.size() != 2) {
                throw new CliException("give exactly two runs: --run A --run B");
            }
            Warehouse warehouse = new Warehouse(new io.salesops.warehouse.DataLayout(data.existingDataDir()).warehouse());
            List<RunDiff.Change> changes = new RunDiff(warehouse).compare(period.toString(), runs.get(0), runs.get(1));
            PrintWriter out = spec.commandLine().getOut();
            out.printf("commissions %s: run %s → run %s, %d changed transactions%n", period, runs.get(0), runs.get(1),
                    changes.size());
            Map<String, List<RunDiff.Change>> byRep = new TreeMap<>();
            changes.forEach(c -> byRep.computeIfAbsent(c.repId(), r -> new java.util.ArrayList<>()).add(c));
            BigDecimal total = BigDecimal.ZERO;
            for (var rep : byRep.entrySet()) {
                BigDecimal repDelta = rep.getValue().stream().map(RunDiff.Change::delta).reduce(BigDecimal.ZERO,
                        BigDecimal::add);
                total = total.add(repDelta);
                out.printf("rep %s: %s%n", rep.getKey(), signed(repDelta));
                String component = null;
                for (RunDiff.Change change : rep.getValue()) {
                    if (!change.component().equals(component)) {
                        component = change.component();
                        out.printf("  %s%n", component);
                    }
                    out.printf("    %-28s %12s → %12s  %s%n      was: %s%n      now: %s%n", change.transactionId(),
                            change.before().toPlainString(), change.after().toPlainString(), signed(change.delta()),
                            change.explanationBefore() == null ? "(not paid)" : change.explanationBefore(),
                            change.explanationAfter() == null ? "(not paid)" : change.explanationAfter());
                }
            }
            out.printf("total: %s%n", signed(total));
            out.flush();
            return 0;
        }

        private static String signed(BigDecimal amount) {
            return (amount.signum() > 0 ? "+" : "") + amount.toPlainString();
        }
    }
}
