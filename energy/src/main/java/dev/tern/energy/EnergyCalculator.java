package dev.tern.energy;

import dev.tern.energy.count.ActionCounts;
import dev.tern.energy.count.OpType;
import dev.tern.energy.count.SramTraffic;
import dev.tern.energy.tech.DramEntry;
import dev.tern.energy.tech.TechTable;

import java.util.Map;

/** Energy = counts x technology table: each count times its per-action energy, summed by component. */
public record EnergyCalculator(TechTable tech, DramEntry dram) {

    public EnergyBreakdown energy(ActionCounts counts) {
        double arithmetic = 0;
        for (Map.Entry<OpType, Long> op : counts.arithmetic().entrySet()) {
            arithmetic += op.getValue() * tech.picojoules(op.getKey());
        }
        double sram = 0;
        for (SramTraffic traffic : counts.sram().values()) {
            sram += traffic.totalBits() * tech.sramPicojoulesPerBit(traffic.capacityBytes());
        }
        return new EnergyBreakdown(
                arithmetic,
                counts.registerBits() * tech.registerPicojoulesPerBit(),
                sram,
                counts.dramBits() * dram.picojoulesPerBit());
    }
}
