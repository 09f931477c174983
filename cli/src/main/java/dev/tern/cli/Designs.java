package dev.tern.cli;

import dev.tern.hdl.catalog.DesignCatalog;

/** Every design `tern` can generate, simulate or synthesise by name. */
final class Designs {
    private Designs() {
    }

    static DesignCatalog catalog() {
        return DesignCatalog.examples();
    }
}
