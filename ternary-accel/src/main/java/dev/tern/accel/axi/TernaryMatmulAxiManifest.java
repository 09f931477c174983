package dev.tern.accel.axi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tern.accel.AcceleratorConfig;
import dev.tern.accel.TernaryMatmulManifest;
import dev.tern.hdl.ir.Design;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The manifest of a {@link TernaryMatmulAxi}: the unit's manifest (parameters, the wrapper's ports, memories,
 * word layouts, cycle formula) plus the AXI4-Lite register map and what each AXI4-Stream port carries.
 * The Verilog header carries only the generator's parameters, so this is where the register map is written down.
 */
public final class TernaryMatmulAxiManifest {
    private final TernaryMatmulManifest unit;

    public TernaryMatmulAxiManifest(AcceleratorConfig config, Design design) {
        this.unit = new TernaryMatmulManifest(config, design);
    }

    public String toJson() {
        ObjectNode root = unit.tree();
        root.put("design", TernaryMatmulAxiGenerator.DESIGN);
        root.put("wraps", AcceleratorConfig.DESIGN);
        ObjectNode lite = root.putObject("axi4_lite");
        lite.put("prefix", "s_axi_");
        lite.put("address_bits", AxiRegister.ADDRESS_BITS);
        lite.put("data_bits", AxiRegister.DATA_BITS);
        lite.put("responses", "OKAY; SLVERR for a write to a read-only or unmapped register, a read of an unmapped one,"
                + " or an address that is not word-aligned (nothing changes)");
        lite.put("outstanding", "one write and one read at a time; AW and W in either order");
        lite.put("strobes", "wstrb bit b enables byte b of the written word");
        ArrayNode registers = lite.putArray("registers");
        for (AxiRegister register : AxiRegister.values()) {
            ObjectNode r = registers.addObject();
            r.put("name", register.name());
            r.put("offset", String.format("0x%02X", register.offset()));
            r.put("access", register.access().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            r.put("description", register.description());
        }
        ObjectNode streams = root.putObject("axi4_stream");
        streams.put("s_axis_weight", "weight_in words (see words.weight, words.weight_order); no TLAST");
        streams.put("s_axis_activation", "activation_in words (see words.activation); no TLAST");
        streams.put("m_axis_result", "result_out words (see words.result); TLAST on the job's last row group");
        return TernaryMatmulManifest.toJson(root);
    }

    /** Writes {@value TernaryMatmulManifest#FILE_NAME} into {@code directory}; returns its path. */
    public Path write(Path directory) throws IOException {
        return TernaryMatmulManifest.write(directory, toJson());
    }
}
