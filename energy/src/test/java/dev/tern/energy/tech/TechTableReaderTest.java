package dev.tern.energy.tech;

import dev.tern.energy.EnergyModelException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TechTableReaderTest {

    @TempDir
    Path dir;

    private String builtIn7nm() throws IOException {
        try (InputStream in = TechTables.class.getResourceAsStream("/dev/tern/energy/tech/7nm.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private EnergyModelException readFails(String content) throws IOException {
        Path file = dir.resolve("mynode.json");
        Files.writeString(file, content);
        EnergyModelException e = assertThrows(EnergyModelException.class, () -> TechTableReader.read(file));
        assertTrue(e.getMessage().startsWith(file.toString() + ": "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e;
    }

    @Test
    void aUserTableFileIsReadWithItsOwnNumbers() throws IOException {
        Path file = dir.resolve("custom.json");
        Files.writeString(file, builtIn7nm().replace("\"energy\": 0.007, \"unit\": \"pJ\"",
                "\"energy\": 7, \"unit\": \"fJ\""));
        TechTable table = TechTables.resolve(file.toString());
        assertEquals(file.toString(), table.origin());
        assertEquals(0.007, table.picojoules(dev.tern.energy.count.OpType.intAdd(8)), 1e-15);
    }

    @Test
    void missingFieldNamesFileAndField() throws IOException {
        String content = builtIn7nm().replaceFirst("\"unit\": \"pJ/bit\", \"device_only\": false,",
                "\"device_only\": false,");
        assertTrue(readFails(content).getMessage().contains("dram[0].unit: missing"));
    }

    @Test
    void negativeEnergyNamesTheEntry() throws IOException {
        String content = builtIn7nm().replace("\"energy\": 0.16,", "\"energy\": -0.16,");
        assertTrue(readFails(content).getMessage().contains("arithmetic[2].energy: negative"));
    }

    @Test
    void unknownUnitNamesTheUnitAndTheChoices() throws IOException {
        String content = builtIn7nm().replaceFirst("\"energy\": 10,  \"unit\": \"pJ\"", "\"energy\": 10,  \"unit\": \"mJ\"");
        String message = readFails(content).getMessage();
        assertTrue(message.contains("sram[0].unit: unknown unit 'mJ'"), message);
        assertTrue(message.contains("pJ"), message);
    }

    @Test
    void perBitUnitIsRequiredWherePerBitEnergyIsMeant() throws IOException {
        String content = builtIn7nm().replace("\"energy\": 0.000875, \"unit\": \"pJ/bit\"",
                "\"energy\": 0.000875, \"unit\": \"pJ\"");
        assertTrue(readFails(content).getMessage().contains("register.unit: unknown unit 'pJ'"));
    }

    @Test
    void badJsonNamesLineAndColumn() throws IOException {
        String message = readFails("{ \"name\": \"x\",\n  \"arithmetic\": [ }").getMessage();
        assertTrue(message.contains("not valid JSON at line 2"), message);
    }

    @Test
    void missingSectionIsNamed() throws IOException {
        assertTrue(readFails("{ \"name\": \"x\" }").getMessage().contains("arithmetic: missing"));
    }

    @Test
    void tableWithoutFp16MultiplyIsRefused() throws IOException {
        String content = builtIn7nm().replace("\"op\": \"mul\", \"format\": \"fp\",  \"bits\": 16",
                "\"op\": \"mul\", \"format\": \"fp\",  \"bits\": 8");
        assertTrue(readFails(content).getMessage().contains("arithmetic: needs an fp16 mul entry"));
    }

    @Test
    void unknownKindIsNamed() throws IOException {
        String content = builtIn7nm().replaceFirst("\"kind\": \"published\"", "\"kind\": \"rumour\"");
        assertTrue(readFails(content).getMessage().contains("arithmetic[0].kind: unknown value 'rumour'"));
    }

    @Test
    void missingFileIsAOneLineError() {
        Path file = dir.resolve("absent.json");
        EnergyModelException e = assertThrows(EnergyModelException.class, () -> TechTableReader.read(file));
        assertTrue(e.getMessage().startsWith(file + ": cannot read technology table"), e.getMessage());
    }

    @Test
    void unknownDramTypeListsTheKnownOnes() {
        EnergyModelException e = assertThrows(EnergyModelException.class,
                () -> TechTables.builtIn("7nm").dram("GDDR6"));
        assertTrue(e.getMessage().contains("unknown DRAM type 'GDDR6'"));
        assertTrue(e.getMessage().contains("HBM2"));
    }
}
