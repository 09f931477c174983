package dev.tern.energy.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tern.energy.EnergyAnalysis;
import dev.tern.energy.EnergyOptions;
import dev.tern.energy.EnergyReport;
import dev.tern.energy.SwitchingActivity;
import dev.tern.energy.workload.ModelShape;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ActivityReportTest {

    private static final ModelShape TINY = new ModelShape("tiny", 256, 688, 4, 4, 2, 64, 1000, true, true);
    // 8 bits over 5 cycles (4 transitions): 32 bit-transitions, of which 8 and 16 flipped
    private static final SwitchingActivity ACTIVITY = new SwitchingActivity("16 lanes, 32 x 64", List.of(
            new SwitchingActivity.Row("real", "tree level 1", 8, 5, 8),
            new SwitchingActivity.Row("random", "tree level 1", 8, 5, 16)));

    private static EnergyReport report(SwitchingActivity activity) {
        EnergyOptions.Builder options = EnergyOptions.builder(List.of(TINY)).includePaperModels(false);
        if (activity != null) {
            options.switchingActivity(activity);
        }
        return EnergyAnalysis.run(options.build());
    }

    @Test
    void toggleRateIsFlipsPerBitPerTransition() {
        assertEquals(0.25, ACTIVITY.rows().get(0).toggleRate(), 1e-12);
        assertEquals(0.5, ACTIVITY.rows().get(1).toggleRate(), 1e-12);
    }

    @Test
    void jsonHasAnActivitySectionWithEveryRow() throws Exception {
        JsonNode json = new ObjectMapper().readTree(JsonReportWriter.render(report(ACTIVITY)));
        JsonNode activity = json.get("activity");
        assertEquals("16 lanes, 32 x 64", activity.get("design").textValue());
        assertEquals(2, activity.get("rows").size());
        JsonNode random = activity.get("rows").get(1);
        assertEquals("random", random.get("stimulus").textValue());
        assertEquals(16, random.get("toggles").longValue());
        assertEquals(0.5, random.get("toggle_rate").doubleValue(), 1e-12);
    }

    @Test
    void jsonHasNoActivitySectionWithoutMeasuredActivity() throws Exception {
        JsonNode json = new ObjectMapper().readTree(JsonReportWriter.render(report(null)));
        assertFalse(json.has("activity"));
    }

    @Test
    void htmlAndTextShowTheActivityTable() {
        EnergyReport report = report(ACTIVITY);
        String html = HtmlReportWriter.render(report);
        assertTrue(html.contains("<section id=\"activity\">"), "activity section");
        assertTrue(html.contains("0.5000"), "random toggle rate");
        String text = TextReportWriter.render(report);
        assertTrue(text.contains("Switching activity of the adder tree, simulated on 16 lanes, 32 x 64\n"), text);
        assertTrue(text.contains("  random    tree level 1     8       5       16       0.5000\n"), text);
    }

    @Test
    void aRowNeedsTwoCyclesToHaveATransition() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SwitchingActivity.Row("real", "tree level 1", 8, 1, 0));
        assertEquals("activity row real / tree level 1: needs bits > 0, at least 2 cycles and no negative toggles,"
                + " got 8, 1, 0", e.getMessage());
    }
}
