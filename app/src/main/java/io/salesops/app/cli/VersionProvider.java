package io.salesops.app.cli;

import picocli.CommandLine.IVersionProvider;

/** The version Maven wrote into the jar manifest. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = SalesOpsCli.class.getPackage().getImplementationVersion();
        return new String[] {"salesops " + (version == null ? "development build" : version)};
    }
}
