package io.salesops.ingest.sample;

import io.salesops.ingest.sample.PersonNames.PersonName;
import io.salesops.warehouse.model.Vocabulary;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The sales organisation over the window: territories (one per region plus industry overlays),
 * teams of about eight reps under a manager, one or two directors, and rep turnover. A rep who
 * leaves is replaced within three weeks; in between the team manager looks after the accounts.
 * Build with {@link OrgStaffing}.
 */
final class OrgChart {
    static final int NEVER = Integer.MAX_VALUE;
    static final String EMAIL_DOMAIN = "shengyuanchem.com";

    record Territory(int index, String id, String name, int region, int industry) {
        boolean overlay() {
            return industry >= 0;
        }
    }

    record Team(int index, String id, String name, int manager, int region) {
    }

    record Rep(int index, String id, PersonName name, String email, String role, int manager, int team, int territory,
               int hireDay, int terminationDay, int successor) {
        boolean activeOn(int day) {
            return hireDay <= day && day <= terminationDay;
        }

        boolean sells() {
            return role.equals("rep");
        }
    }

    private final List<Territory> territories;
    private final List<Team> teams;
    private final List<Rep> reps;
    private final int[][] sellersByTerritory;
    private final int[] geographic;
    private final int[][] overlay;
    private final int[] scratch;

    OrgChart(List<Territory> territories, List<Team> teams, List<Rep> reps) {
        this.territories = List.copyOf(territories);
        this.teams = List.copyOf(teams);
        this.reps = List.copyOf(reps);
        int regions = Vocabulary.REGIONS.size();
        this.geographic = new int[regions];
        this.overlay = new int[regions][Vocabulary.INDUSTRIES.size()];
        for (int[] row : overlay) {
            java.util.Arrays.fill(row, -1);
        }
        for (Territory t : territories) {
            if (t.overlay()) {
                overlay[t.region()][t.industry()] = t.index();
            } else {
                geographic[t.region()] = t.index();
            }
        }
        this.sellersByTerritory = new int[territories.size()][];
        for (Territory t : territories) {
            sellersByTerritory[t.index()] = reps.stream().filter(r -> r.sells() && r.territory() == t.index())
                    .mapToInt(Rep::index).toArray();
        }
        this.scratch = new int[reps.size()];
    }

    List<Territory> territories() {
        return territories;
    }

    List<Team> teams() {
        return teams;
    }

    List<Rep> reps() {
        return reps;
    }

    Rep rep(int index) {
        return reps.get(index);
    }

    int regionOf(int rep) {
        return territories.get(reps.get(rep).territory()).region();
    }

    /**
     * Who looks after an account on {@code day} when {@code owner} was assigned to it: the owner, or
     * after they left, the team manager until the successor starts, then the successor.
     */
    int ownerAt(int owner, int day) {
        Rep rep = reps.get(owner);
        if (day <= rep.terminationDay()) {
            return owner;
        }
        if (rep.successor() >= 0 && day >= reps.get(rep.successor()).hireDay()) {
            return rep.successor();
        }
        return rep.manager() >= 0 ? rep.manager() : owner;
    }

    /**
     * A selling rep active on {@code day} for a customer in this region and industry: usually the
     * industry overlay where there is one, else the region's generalists.
     */
    int pickSeller(SplittableRandom random, int region, int industry, int day) {
        int found = 0;
        int overlayTerritory = overlay[region][industry];
        if (overlayTerritory >= 0 && Draw.chance(random, 0.7)) {
            found = collectActive(sellersByTerritory[overlayTerritory], day, 0);
        }
        if (found == 0) {
            found = collectActive(sellersByTerritory[geographic[region]], day, 0);
        }
        if (found == 0) {
            for (Territory t : territories) {
                if (t.region() == region) {
                    found = collectActive(sellersByTerritory[t.index()], day, found);
                }
            }
        }
        if (found == 0) {
            for (int[] sellers : sellersByTerritory) {
                found = collectActive(sellers, day, found);
            }
        }
        return found == 0 ? 0 : scratch[random.nextInt(found)];
    }

    /** Another selling rep of the same region active on {@code day}, for a revenue split; -1 if none. */
    int pickColleague(SplittableRandom random, int rep, int day) {
        int region = regionOf(rep);
        int found = 0;
        for (Territory t : territories) {
            if (t.region() == region) {
                found = collectActive(sellersByTerritory[t.index()], day, found);
            }
        }
        int others = 0;
        for (int i = 0; i < found; i++) {
            if (scratch[i] != rep) {
                scratch[others++] = scratch[i];
            }
        }
        return others == 0 ? -1 : scratch[random.nextInt(others)];
    }

    private int collectActive(int[] candidates, int day, int found) {
        for (int candidate : candidates) {
            if (reps.get(candidate).activeOn(day)) {
                scratch[found++] = candidate;
            }
        }
        return found;
    }

    /** Unique work emails in rep order: a second Wei Wang gets wei.wang2. */
    static List<String> emails(List<PersonName> names) {
        Set<String> used = new HashSet<>();
        List<String> emails = new ArrayList<>();
        for (PersonName name : names) {
            String local = name.emailLocal();
            String candidate = local;
            for (int n = 2; !used.add(candidate); n++) {
                candidate = local + n;
            }
            emails.add(candidate + "@" + EMAIL_DOMAIN);
        }
        return emails;
    }
}
