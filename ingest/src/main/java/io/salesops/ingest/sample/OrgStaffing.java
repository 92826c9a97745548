package io.salesops.ingest.sample;

import io.salesops.ingest.sample.OrgChart.Rep;
import io.salesops.ingest.sample.OrgChart.Team;
import io.salesops.ingest.sample.OrgChart.Territory;
import io.salesops.ingest.sample.PersonNames.PersonName;
import io.salesops.warehouse.model.Vocabulary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Staffs the {@link OrgChart}: max(24, 500 × scale) people at the start, one manager per eight or
 * so reps, one director (two from 200 people on, north and south), about 12 % of reps leaving a
 * year (replaced) and 5 % a year of growth hires. Employee ids follow hire dates.
 */
final class OrgStaffing {
    private static final String[][] OVERLAYS = {
            {"华东", "coatings", "COAT", "华东涂料行业部"}, {"华东", "plastics", "PLAS", "华东塑料行业部"},
            {"华东", "textiles", "TEXT", "华东纺织行业部"}, {"华南", "electronics", "ELEC", "华南电子行业部"},
            {"华南", "plastics", "PLAS", "华南塑料行业部"}, {"华北", "pharmaceuticals", "PHAR", "华北医药行业部"}};
    /** Where a region without its own manager is looked after: 华南→华东, 西南→华南, 西北→华北... */
    private static final int[] HOST_REGION = {0, 0, 0, 0, 1, 2, 2};
    private static final int[] REGIONS_BY_SIZE = {0, 1, 2, 3, 4, 6, 5};
    private static final double OVERLAY_SHARE = 0.12;
    private static final double YEARLY_ATTRITION = 0.12;
    private static final double YEARLY_GROWTH = 0.05;

    private static final class Draft {
        final PersonName name;
        final String role;
        Draft manager;
        TeamDraft team;
        int territory;
        int hireDay;
        int terminationDay = OrgChart.NEVER;
        Draft successor;
        int index;

        Draft(PersonName name, String role, int territory) {
            this.name = name;
            this.role = role;
            this.territory = territory;
        }
    }

    private record TeamDraft(String id, String name, int region, Draft[] manager) {
    }

    private OrgStaffing() {
    }

    static int headcount(double scale) {
        return (int) Math.max(24, Math.round(500 * scale));
    }

    static OrgChart staff(double scale, DataWindow window, SplittableRandom random) {
        List<Territory> territories = territories();
        int headcount = headcount(scale);
        int directorCount = headcount >= 200 ? 2 : 1;
        int managerCount = Math.max(3, (int) Math.round((headcount - directorCount) / 9.0));
        long[] perRegion = Shares.allocate(headcount - directorCount - managerCount, Geography.REGION_WEIGHTS, 1);

        List<List<Draft>> sellersByRegion = sellersByRegion(perRegion, territories, random);

        List<Draft> people = new ArrayList<>();
        List<TeamDraft> teams = new ArrayList<>();
        List<Draft> directors = new ArrayList<>();
        TeamDraft headquarters = new TeamDraft("TEAM-HQ", "销售管理部", -1, new Draft[1]);
        for (int d = 0; d < directorCount; d++) {
            Draft director = new Draft(PersonNames.draw(random), "director", d == 0 ? 0 : 2);
            director.team = headquarters;
            directors.add(director);
        }
        headquarters.manager()[0] = directors.get(0);
        people.addAll(directors);

        long[] managersPerRegion = managersPerRegion(managerCount, perRegion);
        for (int region = 0; region < perRegion.length; region++) {
            formTeams(region, managersPerRegion, sellersByRegion, directors, teams, people, random);
        }
        teams.add(headquarters);
        hireAndTurnover(people, window, random);
        return assemble(territories, teams, people);
    }

    /** The sellers of each region: about 12 % per industry overlay, the rest generalists. */
    private static List<List<Draft>> sellersByRegion(long[] perRegion, List<Territory> territories,
                                                     SplittableRandom random) {
        List<List<Draft>> sellersByRegion = new ArrayList<>();
        for (int region = 0; region < perRegion.length; region++) {
            List<Draft> sellers = new ArrayList<>();
            int perOverlay = (int) (perRegion[region] * OVERLAY_SHARE);
            for (Territory t : territories) {
                if (t.region() == region && t.overlay()) {
                    for (int i = 0; i < perOverlay; i++) {
                        sellers.add(new Draft(PersonNames.draw(random), "rep", t.index()));
                    }
                }
            }
            while (sellers.size() < perRegion[region]) {
                sellers.add(0, new Draft(PersonNames.draw(random), "rep", region)); // geographic index = region
            }
            sellersByRegion.add(sellers);
        }
        return sellersByRegion;
    }

    /** The region's managers, each with a team of consecutive sellers of the region and the regions it hosts. */
    private static void formTeams(int region, long[] managersPerRegion, List<List<Draft>> sellersByRegion,
                                  List<Draft> directors, List<TeamDraft> teams, List<Draft> people,
                                  SplittableRandom random) {
        if (managersPerRegion[region] == 0) {
            return;
        }
        List<Draft> members = new ArrayList<>();
        for (int other = 0; other < managersPerRegion.length; other++) {
            if (host(other, managersPerRegion) == region) {
                members.addAll(sellersByRegion.get(other));
            }
        }
        int teamCount = (int) managersPerRegion[region];
        int next = 0;
        for (int t = 0; t < teamCount; t++) {
            Draft manager = new Draft(PersonNames.draw(random), "manager", region);
            boolean north = directors.size() == 2 && (region == 2 || region == 5 || region == 6);
            manager.manager = directors.get(north ? 1 : 0);
            TeamDraft team = new TeamDraft(Ids.code("TEAM-" + Geography.REGION_CODES.get(region) + "-", t + 1, 2),
                    Geography.region(region) + "销售" + Ids.chineseNumber(t + 1) + "部", region, new Draft[] {manager});
            manager.team = team;
            teams.add(team);
            people.add(manager);
            int size = members.size() / teamCount + (t < members.size() % teamCount ? 1 : 0);
            for (int i = 0; i < size; i++, next++) {
                Draft seller = members.get(next);
                seller.team = team;
                seller.manager = manager;
                people.add(seller);
            }
        }
    }

    private static long[] managersPerRegion(int managerCount, long[] sellersPerRegion) {
        int regions = sellersPerRegion.length;
        if (managerCount >= regions) {
            double[] weights = new double[regions];
            for (int r = 0; r < regions; r++) {
                weights[r] = sellersPerRegion[r];
            }
            return Shares.allocate(managerCount, weights, 1);
        }
        long[] managers = new long[regions];
        for (int i = 0; i < managerCount; i++) {
            managers[REGIONS_BY_SIZE[i]] = 1;
        }
        return managers;
    }

    private static int host(int region, long[] managersPerRegion) {
        int host = region;
        while (managersPerRegion[host] == 0) {
            host = HOST_REGION[host];
        }
        return host;
    }

    private static void hireAndTurnover(List<Draft> people, DataWindow window, SplittableRandom random) {
        int start = window.startDay();
        int end = window.endDay();
        double leaveChance = 1 - StrictMath.pow(1 - YEARLY_ATTRITION, window.months() / 12.0);
        List<Draft> initialSellers = people.stream().filter(p -> p.role.equals("rep")).toList();
        List<Draft> hires = new ArrayList<>();
        for (Draft person : people) {
            person.hireDay = switch (person.role) {
                case "director" -> start - Draw.between(random, 6 * 365, 15 * 365);
                case "manager" -> start - Draw.between(random, 2 * 365, 12 * 365);
                default -> start - Draw.between(random, 30, 8 * 365);
            };
            if (person.role.equals("rep") && end - start > 40 && Draw.chance(random, leaveChance)) {
                person.terminationDay = Draw.between(random, start + 15, end - 5);
                int successorStart = person.terminationDay + Draw.between(random, 1, 21);
                if (successorStart <= end) {
                    Draft successor = new Draft(PersonNames.draw(random), "rep", person.territory);
                    successor.team = person.team;
                    successor.manager = person.manager;
                    successor.hireDay = successorStart;
                    person.successor = successor;
                    hires.add(successor);
                }
            }
        }
        long growthHires = Math.round(initialSellers.size() * YEARLY_GROWTH * window.months() / 12.0);
        for (int i = 0; i < growthHires; i++) {
            Draft template = Draw.pick(random, initialSellers);
            Draft hire = new Draft(PersonNames.draw(random), "rep", template.territory);
            hire.team = template.team;
            hire.manager = template.manager;
            hire.hireDay = Draw.between(random, start, end);
            hires.add(hire);
        }
        people.addAll(hires);
        people.sort(Comparator.comparingInt(p -> p.hireDay)); // stable: ties keep creation order
        for (int i = 0; i < people.size(); i++) {
            people.get(i).index = i;
        }
    }

    private static OrgChart assemble(List<Territory> territories, List<TeamDraft> teamDrafts, List<Draft> people) {
        List<Team> teams = new ArrayList<>();
        for (int i = 0; i < teamDrafts.size(); i++) {
            TeamDraft t = teamDrafts.get(i);
            teams.add(new Team(i, t.id(), t.name(), t.manager()[0].index, t.region()));
        }
        List<String> emails = OrgChart.emails(people.stream().map(p -> p.name).toList());
        List<Rep> reps = new ArrayList<>();
        for (Draft p : people) {
            reps.add(new Rep(p.index, Ids.code("E", 10001 + p.index, 5), p.name, emails.get(p.index), p.role,
                    p.manager == null ? -1 : p.manager.index, teamDrafts.indexOf(p.team), p.territory, p.hireDay,
                    p.terminationDay, p.successor == null ? -1 : p.successor.index));
        }
        return new OrgChart(territories, teams, reps);
    }

    /** The seven regions first, so that a region's index is its geographic territory's index. */
    static List<Territory> territories() {
        List<Territory> territories = new ArrayList<>();
        for (int region = 0; region < Vocabulary.REGIONS.size(); region++) {
            territories.add(new Territory(region, "T-" + Geography.REGION_CODES.get(region),
                    Geography.region(region) + "区", region, -1));
        }
        for (String[] o : OVERLAYS) {
            int region = Vocabulary.REGIONS.indexOf(o[0]);
            territories.add(new Territory(territories.size(), "T-" + Geography.REGION_CODES.get(region) + "-" + o[2],
                    o[3], region, Vocabulary.INDUSTRIES.indexOf(o[1])));
        }
        return territories;
    }
}
