package dev.tern.sim.compiler;

import dev.tern.sim.ops.NarrowOps;
import dev.tern.sim.ops.WideOps;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Compiles one generated source file in memory with the platform's {@code javax.tools} compiler.
 * Generated code sees only the JDK and the few simulator classes it calls, served from this class
 * loader's resources, so compilation works the same from a jar, a test class path or an IDE.
 */
public final class JavaSourceCompiler {
    /** The simulator classes generated code refers to. */
    private static final List<Class<?>> VISIBLE = List.of(CompiledModel.class, NarrowOps.class, WideOps.class);

    private JavaSourceCompiler() {
    }

    /** False in a runtime without a compiler (a JRE). */
    public static boolean isAvailable() {
        return ToolProvider.getSystemJavaCompiler() != null;
    }

    /**
     * @param binaryName the class's binary name, e.g. {@code dev.tern.sim.compiler.Model}
     * @return the class files written, by binary name
     * @throws IllegalStateException with the compiler's messages when the source does not compile: a bug
     *                               in the generator, never the user's
     */
    public static Map<String, byte[]> compile(String binaryName, String source) {
        return compile(binaryName, source, false);
    }

    /**
     * @param vectorApi whether the source uses the Vector API, whose incubating module the compiler then reads
     * @see #compile(String, String)
     */
    public static Map<String, byte[]> compile(String binaryName, String source, boolean vectorApi) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("no Java compiler in this runtime");
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StandardJavaFileManager standard = compiler.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8);
        try (MemoryFileManager files = new MemoryFileManager(standard)) {
            standard.setLocation(StandardLocation.CLASS_PATH, List.of());
            JavaFileObject unit = new Source(binaryName, source);
            List<String> options = new ArrayList<>(List.of("-g:none", "-proc:none", "-nowarn", "-Xlint:none", "-implicit:none"));
            if (vectorApi) {
                options.addAll(List.of("--add-modules", VectorLoops.MODULE));
            }
            boolean ok = compiler.getTask(null, files, diagnostics, options, null, List.of(unit)).call();
            if (!ok) {
                String messages = diagnostics.getDiagnostics().stream()
                        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                        .limit(5)
                        .map(d -> "line " + d.getLineNumber() + ": " + d.getMessage(null))
                        .collect(Collectors.joining("; "));
                throw new IllegalStateException("generated simulator code for " + binaryName + " does not compile: " + messages);
            }
            return files.classes();
        } catch (IOException e) {
            throw new IllegalStateException("in-memory compilation of " + binaryName + " failed", e);
        }
    }

    private static URI uri(String binaryName, JavaFileObject.Kind kind) {
        return URI.create("mem:///" + binaryName.replace('.', '/') + kind.extension);
    }

    private static final class Source extends SimpleJavaFileObject {
        private final String text;

        Source(String binaryName, String text) {
            super(uri(binaryName, Kind.SOURCE), Kind.SOURCE);
            this.text = text;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }

    /** A class file written by the compiler. */
    private static final class Output extends SimpleJavaFileObject {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Output(String binaryName) {
            super(uri(binaryName, Kind.CLASS), Kind.CLASS);
        }

        @Override
        public OutputStream openOutputStream() {
            return bytes;
        }
    }

    /** One of the simulator's own classes, read from the class loader that loaded it. */
    private static final class Visible extends SimpleJavaFileObject {
        private final Class<?> type;

        Visible(Class<?> type) {
            super(uri(type.getName(), Kind.CLASS), Kind.CLASS);
            this.type = type;
        }

        @Override
        public InputStream openInputStream() throws IOException {
            InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class");
            if (in == null) {
                throw new IOException("class file of " + type.getName() + " is not readable as a resource");
            }
            return in;
        }
    }

    private static final class MemoryFileManager extends ForwardingJavaFileManager<StandardJavaFileManager> {
        private final Map<String, Output> outputs = new LinkedHashMap<>();

        MemoryFileManager(StandardJavaFileManager standard) {
            super(standard);
        }

        @Override
        public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
            Output out = new Output(className);
            outputs.put(className, out);
            return out;
        }

        @Override
        public Iterable<JavaFileObject> list(Location location, String packageName, Set<JavaFileObject.Kind> kinds, boolean recurse)
                throws IOException {
            Iterable<JavaFileObject> standard = super.list(location, packageName, kinds, recurse);
            if (location != StandardLocation.CLASS_PATH || !kinds.contains(JavaFileObject.Kind.CLASS)) {
                return standard;
            }
            List<JavaFileObject> all = new ArrayList<>();
            standard.forEach(all::add);
            for (Class<?> type : VISIBLE) {
                if (type.getPackageName().equals(packageName)) {
                    all.add(new Visible(type));
                }
            }
            return all;
        }

        @Override
        public String inferBinaryName(Location location, JavaFileObject file) {
            return file instanceof Visible visible ? visible.type.getName() : super.inferBinaryName(location, file);
        }

        Map<String, byte[]> classes() {
            Map<String, byte[]> classes = new LinkedHashMap<>();
            outputs.forEach((name, out) -> classes.put(name, out.bytes.toByteArray()));
            return classes;
        }
    }
}
