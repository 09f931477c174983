package dev.tern.energy.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tern.energy.CrossCheck;
import dev.tern.energy.SwitchingActivity;
import dev.tern.energy.DesignEnergy;
import dev.tern.energy.EnergyBreakdown;
import dev.tern.energy.EnergyReport;
import dev.tern.energy.LanesSweep;
import dev.tern.energy.MatmulEnergy;
import dev.tern.energy.ModelEnergy;
import dev.tern.energy.PartEnergy;
import dev.tern.energy.PublishedFigure;
import dev.tern.energy.Ratios;
import dev.tern.energy.count.ActionCounts;
import dev.tern.energy.count.CountDifference;
import dev.tern.energy.count.SramTraffic;
import dev.tern.energy.tech.ArithmeticEntry;
import dev.tern.energy.tech.DramEntry;
import dev.tern.energy.tech.Provenance;
import dev.tern.energy.tech.SramEntry;
import dev.tern.energy.tech.TechTable;
import dev.tern.energy.workload.ModelShape;

import java.util.List;
import java.util.Map;

/**
 * The report as JSON with stable keys. Energies are in picojoules ({@code _pj}), ratios are
 * baseline energy over ternary energy. Top level: {@code schema}, {@code arithmetic_ratio} (the
 * paper's arithmetic-only ratio from the table), {@code end_to_end_ratio} (for the first model,
 * with its breakdown per design and component), {@code assumptions}, {@code models},
 * {@code paper_models}, {@code lanes_sweep}, {@code cross_checks}, {@code published}.
 */
public final class JsonReportWriter {

    public static final String SCHEMA = "tern.energy.report/1";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReportWriter() {
    }

    public static String render(EnergyReport report) {
        try {
            return MAPPER.writeValueAsString(tree(report)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a report tree always serialises", e);
        }
    }

    static ObjectNode tree(EnergyReport report) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("arithmetic_ratio", report.arithmeticRatio());
        root.put("arithmetic_ratio_definition",
                "(FP16 mul + FP16 add) / INT8 add from the technology table: one multiply-accumulate per FP16"
                        + " weight against one INT8 add per ternary weight, as in the BitNet paper");
        root.set("end_to_end_ratio", endToEnd(report.primary()));
        root.set("assumptions", assumptions(report));
        root.set("models", models(report.models()));
        root.set("paper_models", models(report.paperModels()));
        root.set("lanes_sweep", lanesSweep(report.lanesSweep()));
        ArrayNode checks = root.putArray("cross_checks");
        report.crossChecks().forEach(check -> checks.add(crossCheck(check)));
        report.activity().ifPresent(activity -> root.set("activity", activity(activity)));
        ArrayNode published = root.putArray("published");
        for (PublishedFigure figure : report.published()) {
            ObjectNode node = published.addObject();
            node.put("what", figure.what());
            node.put("model", figure.model());
            node.put("ratio", figure.ratio());
            node.put("source", figure.source());
        }
        root.put("why_ours_differ_from_published", PaperComparison.WHY_THEY_DIFFER);
        return root;
    }

    private static ObjectNode endToEnd(ModelEnergy model) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("model", model.model().name());
        node.put("definition", "baseline energy / ternary energy per token, including registers, SRAM and DRAM");
        for (Ratios ratios : model.ratios()) {
            node.set(RatioKind.baselineKey(ratios.baseline()), ratios(ratios));
        }
        ObjectNode breakdown = node.putObject("breakdown_pj_per_token");
        for (DesignEnergy design : model.designs()) {
            breakdown.set(design.id(), scopes(design));
        }
        return node;
    }

    private static ObjectNode ratios(Ratios ratios) {
        ObjectNode node = MAPPER.createObjectNode();
        for (RatioKind kind : RatioKind.values()) {
            node.put(kind.key, kind.value.applyAsDouble(ratios));
        }
        return node;
    }

    private static ObjectNode scopes(DesignEnergy design) {
        ObjectNode node = MAPPER.createObjectNode();
        for (Scope scope : Scope.values()) {
            node.set(scope.key, energy(scope.energy.apply(design)));
        }
        return node;
    }

    static ObjectNode energy(EnergyBreakdown energy) {
        ObjectNode node = MAPPER.createObjectNode();
        for (String component : EnergyBreakdown.COMPONENTS) {
            node.put(component, energy.component(component));
        }
        node.put("total", energy.total());
        return node;
    }

    private static ObjectNode assumptions(EnergyReport report) {
        ObjectNode node = MAPPER.createObjectNode();
        TechTable tech = report.tech();
        ObjectNode techNode = node.putObject("tech");
        techNode.put("name", tech.name());
        techNode.put("description", tech.description());
        techNode.put("origin", tech.origin());
        node.set("dram", dram(report.dram()));
        node.put("context_length", report.context());
        node.put("batch", 1);
        ObjectNode array = node.putObject("array");
        array.put("lanes", report.array().lanes());
        array.put("rows", report.array().rows());
        array.put("weight_sram_bytes", report.array().weightSramBytes());
        array.put("activation_sram_bytes", report.array().activationSramBytes());
        array.put("output_sram_bytes", report.array().outputSramBytes());
        node.put("weight_encoding", report.encoding().label());
        ObjectNode table = node.putObject("table");
        ArrayNode arithmetic = table.putArray("arithmetic");
        for (ArithmeticEntry entry : tech.arithmetic()) {
            ObjectNode e = arithmetic.addObject();
            e.put("op", entry.op().label());
            e.put("pj", entry.picojoules());
            provenance(e, entry.provenance());
        }
        ArrayNode sram = table.putArray("sram");
        for (SramEntry entry : tech.sram()) {
            ObjectNode e = sram.addObject();
            e.put("capacity_bytes", entry.capacityBytes());
            e.put("access_bits", entry.accessBits());
            e.put("pj_per_access", entry.picojoules());
            provenance(e, entry.provenance());
        }
        ObjectNode register = table.putObject("register");
        register.put("pj_per_bit", tech.register().picojoulesPerBit());
        provenance(register, tech.register().provenance());
        ArrayNode dram = table.putArray("dram");
        tech.dram().forEach(entry -> dram.add(dram(entry)));
        return node;
    }

    private static ObjectNode dram(DramEntry entry) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("type", entry.type());
        node.put("pj_per_bit", entry.picojoulesPerBit());
        node.put("device_only", entry.deviceOnly());
        provenance(node, entry.provenance());
        return node;
    }

    private static void provenance(ObjectNode node, Provenance provenance) {
        node.put("kind", provenance.kind().label());
        node.put("source", provenance.source());
    }

    private static ArrayNode models(List<ModelEnergy> models) {
        ArrayNode array = MAPPER.createArrayNode();
        for (ModelEnergy model : models) {
            ObjectNode node = array.addObject();
            node.put("name", model.model().name());
            node.set("shape", shape(model.model(), model.shapeSource()));
            node.put("ternary_weights_per_token", model.model().ternaryWeightsPerToken());
            node.put("context_length", model.context());
            ObjectNode ratios = node.putObject("ratios");
            for (Ratios r : model.ratios()) {
                ratios.set(RatioKind.baselineKey(r.baseline()), ratios(r));
            }
            ArrayNode designs = node.putArray("designs");
            model.designs().forEach(design -> designs.add(design(design)));
        }
        return array;
    }

    private static ObjectNode shape(ModelShape shape, String source) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("hidden", shape.hidden());
        node.put("intermediate", shape.intermediate());
        node.put("layers", shape.layers());
        node.put("heads", shape.heads());
        node.put("kv_heads", shape.kvHeads());
        node.put("head_dim", shape.headDim());
        node.put("vocab", shape.vocab());
        node.put("tied_embeddings", shape.tiedEmbeddings());
        node.put("gated_ffn", shape.gatedFfn());
        node.put("source", source);
        return node;
    }

    private static ObjectNode design(DesignEnergy design) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", design.id());
        node.put("label", design.label());
        ObjectNode parameters = node.putObject("parameters");
        design.parameters().forEach(parameters::put);
        node.set("per_token_pj", scopes(design));
        node.set("per_layer_pj", energy(design.perLayer()));
        ArrayNode matmuls = node.putArray("matmuls");
        for (MatmulEnergy matmul : design.bitLinears()) {
            ObjectNode m = matmuls.addObject();
            m.put("name", matmul.name());
            m.put("out", matmul.shape().out());
            m.put("in", matmul.shape().in());
            m.put("per_layer", matmul.perLayer());
            m.put("per_token", matmul.perToken());
            m.put("count_source", matmul.countSource());
            m.set("pj_each", energy(matmul.energy()));
            m.set("counts", counts(matmul.counts()));
        }
        ArrayNode parts = node.putArray("full_precision");
        for (PartEnergy part : design.fullPrecision()) {
            ObjectNode p = parts.addObject();
            p.put("name", part.name());
            p.put("per_layer", part.perLayer());
            p.put("per_token", part.perToken());
            p.set("pj_each", energy(part.energy()));
            p.set("counts", counts(part.counts()));
        }
        return node;
    }

    static ObjectNode counts(ActionCounts counts) {
        ObjectNode node = MAPPER.createObjectNode();
        ObjectNode datapath = node.putObject("datapath");
        counts.datapath().forEach((op, n) -> datapath.put(op.label(), n));
        ObjectNode accumulator = node.putObject("accumulator");
        counts.accumulator().forEach((op, n) -> accumulator.put(op.label(), n));
        node.put("register_bits", counts.registerBits());
        ObjectNode sram = node.putObject("sram");
        for (Map.Entry<String, SramTraffic> entry : counts.sram().entrySet()) {
            ObjectNode memory = sram.putObject(entry.getKey());
            SramTraffic traffic = entry.getValue();
            memory.put("capacity_bytes", traffic.capacityBytes());
            memory.put("reads", traffic.reads());
            memory.put("read_bits", traffic.readBits());
            memory.put("writes", traffic.writes());
            memory.put("write_bits", traffic.writeBits());
        }
        node.put("dram_read_bits", counts.dramReadBits());
        node.put("dram_write_bits", counts.dramWriteBits());
        return node;
    }

    private static ObjectNode lanesSweep(LanesSweep sweep) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("model", sweep.model());
        ArrayNode lanes = node.putArray("lanes");
        sweep.lanes().forEach(lanes::add);
        ObjectNode designs = node.putObject("designs");
        sweep.perToken().forEach((id, values) -> {
            ObjectNode design = designs.putObject(id);
            design.put("label", sweep.labels().get(id));
            ArrayNode total = design.putArray("whole_token_pj");
            ArrayNode onChip = design.putArray("on_chip_pj");
            for (EnergyBreakdown value : values) {
                total.add(value.total());
                onChip.add(value.total() - value.dram());
            }
        });
        return node;
    }

    private static ObjectNode crossCheck(CrossCheck check) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("model", check.model());
        node.put("matmul", check.matmul());
        node.put("out", check.shape().out());
        node.put("in", check.shape().in());
        node.put("source", check.source());
        node.put("agrees", check.agrees());
        node.put("arithmetic_agrees", check.arithmeticAgrees());
        ArrayNode differences = node.putArray("differences");
        for (CountDifference difference : check.differences()) {
            ObjectNode d = differences.addObject();
            d.put("field", difference.field());
            d.put("analytic", difference.expected());
            d.put("measured", difference.actual());
        }
        return node;
    }

    private static ObjectNode activity(SwitchingActivity activity) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("design", activity.design());
        ArrayNode rows = node.putArray("rows");
        for (SwitchingActivity.Row row : activity.rows()) {
            ObjectNode r = rows.addObject();
            r.put("stimulus", row.stimulus());
            r.put("signals", row.signals());
            r.put("bits", row.bits());
            r.put("cycles", row.cycles());
            r.put("toggles", row.toggles());
            r.put("toggle_rate", row.toggleRate());
        }
        return node;
    }
}
