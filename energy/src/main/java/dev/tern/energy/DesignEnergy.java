package dev.tern.energy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One design running one model for one token: per matmul, per layer and per token. */
public record DesignEnergy(String id, String label, Map<String, String> parameters, List<MatmulEnergy> bitLinears,
        List<PartEnergy> fullPrecision) {

    public DesignEnergy {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        bitLinears = List.copyOf(bitLinears);
        fullPrecision = List.copyOf(fullPrecision);
    }

    /** The BitLinear layers of a whole token: the work the compared engines actually differ on. */
    public EnergyBreakdown bitLinearPerToken() {
        EnergyBreakdown sum = EnergyBreakdown.ZERO;
        for (MatmulEnergy matmul : bitLinears) {
            sum = sum.plus(matmul.perTokenEnergy());
        }
        return sum;
    }

    public EnergyBreakdown fullPrecisionPerToken() {
        EnergyBreakdown sum = EnergyBreakdown.ZERO;
        for (PartEnergy part : fullPrecision) {
            sum = sum.plus(part.perTokenEnergy());
        }
        return sum;
    }

    public EnergyBreakdown perToken() {
        return bitLinearPerToken().plus(fullPrecisionPerToken());
    }

    /** One transformer layer: its projections and its share of full-precision work (lm_head excluded). */
    public EnergyBreakdown perLayer() {
        EnergyBreakdown sum = EnergyBreakdown.ZERO;
        for (MatmulEnergy matmul : bitLinears) {
            sum = sum.plus(matmul.energy().times(matmul.perLayer()));
        }
        for (PartEnergy part : fullPrecision) {
            sum = sum.plus(part.energy().times(part.perLayer()));
        }
        return sum;
    }
}
