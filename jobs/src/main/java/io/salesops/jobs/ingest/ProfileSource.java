package io.salesops.jobs.ingest;

import io.salesops.ingest.batch.LandingIngest;
import io.salesops.ingest.mapping.MappingFile;
import io.salesops.ingest.profile.SourceProfile;
import java.nio.file.Path;

/**
 * The profile the {@code mapping} or {@code profile} job parameter forces, or, by name, the
 * built-in profile detection chose for a file. (A class, not a record: step-scoped beans are
 * proxied by subclassing.)
 */
class ProfileSource {

    private final LandingIngest ingest;
    private final String mapping;
    private final String profile;
    /** The mapping file, read once: every file of a plan (and every partition) asks for it. */
    private SourceProfile mapped;

    ProfileSource(LandingIngest ingest, String mapping, String profile) {
        this.ingest = ingest;
        this.mapping = mapping;
        this.profile = profile;
    }

    /** The forced profile, or null to detect each file's. */
    SourceProfile forced() {
        if (mapping != null) {
            return mapped();
        }
        if (profile != null) {
            return byName(profile);
        }
        return null;
    }

    SourceProfile byName(String name) {
        if (mapping != null) {
            return mapped();
        }
        return ingest.profiles().byName(name).orElseThrow(() -> new IllegalArgumentException(
                "no built-in profile named " + name));
    }

    private synchronized SourceProfile mapped() {
        if (mapped == null) {
            mapped = MappingFile.load(Path.of(mapping));
        }
        return mapped;
    }
}
