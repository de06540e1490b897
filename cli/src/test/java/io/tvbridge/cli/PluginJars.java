package io.tvbridge.cli;

import io.tvbridge.broker.spi.BrokerFactory;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Builds broker plugin jars at test time, the way a third party would: against broker-spi alone. */
final class PluginJars {
    private static final String SERVICES = "META-INF/services/" + BrokerFactory.class.getName();

    private PluginJars() {
    }

    /** Compiles {@code src/test/resources/plugin-sources/<name>} and packages it with its service entry. */
    static Path compile(Path folder, String name, String factoryClass) {
        try {
            Path sources = Path.of(PluginJars.class.getResource("/plugin-sources/" + name).toURI());
            Path classes = Files.createDirectories(folder.resolve("build-" + name));
            List<String> arguments = new ArrayList<>(List.of("--release", "17", "-d", classes.toString(),
                    "-classpath", spiLocation().toString()));
            try (Stream<Path> files = Files.walk(sources)) {
                files.filter(p -> p.toString().endsWith(".java")).forEach(p -> arguments.add(p.toString()));
            }
            JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
            int result = compiler.run(null, null, null, arguments.toArray(String[]::new));
            if (result != 0) {
                throw new IllegalStateException("the test plugin " + name + " did not compile");
            }
            Path jar = folder.resolve(name + ".jar");
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                 Stream<Path> files = Files.walk(classes)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    add(out, classes.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
                }
                add(out, SERVICES, (factoryClass + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A jar whose service entry names a class it does not contain. */
    static Path missingClass(Path folder, String name) {
        return jar(folder, name, SERVICES, "com.example.gone.GoneFactory\n");
    }

    /** A well-formed jar that provides no broker. */
    static Path empty(Path folder, String name) {
        return jar(folder, name, "README.txt", "nothing here\n");
    }

    /** A file named .jar that is not a jar at all. */
    static Path garbage(Path folder, String name) {
        try {
            return Files.write(folder.resolve(name + ".jar"), "this is not a zip file".getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path jar(Path folder, String name, String entry, String content) {
        Path jar = folder.resolve(name + ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            add(out, entry, content.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jar;
    }

    private static void add(JarOutputStream out, String name, byte[] bytes) throws IOException {
        out.putNextEntry(new JarEntry(name));
        ((OutputStream) out).write(bytes);
        out.closeEntry();
    }

    private static Path spiLocation() throws URISyntaxException {
        return Path.of(BrokerFactory.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
