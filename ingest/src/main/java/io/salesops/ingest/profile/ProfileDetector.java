package io.salesops.ingest.profile;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Picks the profile of a file from its header: among the profiles whose headers cover every
 * required column of their table, the one that recognises the most headers wins. An exact tie is
 * an error, since guessing would load the file into the wrong table.
 */
public final class ProfileDetector {

    private final List<SourceProfile> profiles;

    public ProfileDetector(List<SourceProfile> profiles) {
        this.profiles = List.copyOf(profiles);
    }

    public SourceProfile detect(String file, List<String> header) {
        Set<String> present = Set.copyOf(header);
        List<Candidate> complete = profiles.stream().map(p -> new Candidate(p, present))
                .filter(c -> c.missingRequired().isEmpty())
                .sorted(Comparator.comparingInt(Candidate::recognised).reversed())
                .toList();
        if (complete.isEmpty()) {
            Candidate nearest = profiles.stream().map(p -> new Candidate(p, present))
                    .max(Comparator.comparingInt(Candidate::recognised)).orElseThrow();
            throw new IllegalArgumentException(file + ": no known export format matches the header " + header
                    + "; the nearest, " + nearest.profile().name() + ", lacks required columns "
                    + nearest.missingRequired());
        }
        if (complete.size() > 1 && complete.get(0).recognised() == complete.get(1).recognised()) {
            throw new IllegalArgumentException(file + ": the header matches both " + complete.get(0).profile().name()
                    + " and " + complete.get(1).profile().name() + "; name the profile explicitly");
        }
        return complete.get(0).profile();
    }

    public Optional<SourceProfile> byName(String name) {
        return profiles.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    private record Candidate(SourceProfile profile, int recognised, List<String> missingRequired) {
        Candidate(SourceProfile profile, Set<String> present) {
            this(profile, (int) present.stream().filter(profile.headers()::contains).count(),
                    profile.uncoveredRequiredColumns(present));
        }
    }
}
