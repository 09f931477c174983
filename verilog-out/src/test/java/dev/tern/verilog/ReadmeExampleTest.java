package dev.tern.verilog;

import com.example.Counter;
import dev.tern.hdl.Elaborator;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README shows a DSL example and the Verilog it gives; this keeps the two honest. */
class ReadmeExampleTest {
    @Test
    void readmeShowsTheVerilogTheCounterExampleProduces() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        Matcher block = Pattern.compile("```verilog\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertTrue(block.find(), "README has a verilog block");
        String emitted = VerilogEmitter.withoutSourceLocations().module(Elaborator.elaborate(() -> new Counter(8)).top());
        assertEquals(block.group(1), emitted);
    }
}
