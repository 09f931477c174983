package dev.tern.cli;

import dev.tern.bitnet.model.BitNetConfig;

import java.util.Locale;

/** The bitnet module's model presets by the name a user types. */
final class ModelPresets {
    private ModelPresets() {
    }

    static boolean isBitNetPreset(String name) {
        return BitNetConfig.PRESET_NAMES.contains(name.toLowerCase(Locale.ROOT));
    }

    static BitNetConfig bitnet(String name) {
        if (!isBitNetPreset(name)) {
            throw new UsageException("unknown preset '" + name + "'; presets: " + String.join(", ", BitNetConfig.PRESET_NAMES));
        }
        return BitNetConfig.preset(name);
    }
}
