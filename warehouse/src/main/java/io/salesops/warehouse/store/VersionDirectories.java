package io.salesops.warehouse.store;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Naming of version and partition directories, kept in one place. */
final class VersionDirectories {
    private static final Pattern VERSION = Pattern.compile("v-(\\d{6})");
    static final String CURRENT_POINTER = "CURRENT";
    static final String METADATA_FILE = "_version.properties";
    static final String STAGING_PREFIX = ".staging-";
    /** A version being deleted: renamed out of every reader's sight first, then emptied. */
    static final String PRUNING_PREFIX = ".pruning-";

    private VersionDirectories() {
    }

    static String name(int version) {
        return String.format("v-%06d", version);
    }

    static OptionalInt parse(String directoryName) {
        Matcher matcher = VERSION.matcher(directoryName);
        return matcher.matches() ? OptionalInt.of(Integer.parseInt(matcher.group(1))) : OptionalInt.empty();
    }

    /**
     * Partition directories are {@code <column>-<value>}, not Hive's {@code <column>=<value>}: the
     * partition column also lives inside the files, and readers must not infer it a second time.
     */
    static String partitionDirectory(String column, String value) {
        if (!value.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("partition values must be plain names, cannot be: " + value);
        }
        return column + "-" + value;
    }
}
