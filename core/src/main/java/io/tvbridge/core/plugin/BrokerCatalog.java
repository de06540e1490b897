package io.tvbridge.core.plugin;

import io.tvbridge.broker.spi.BrokerFactory;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.jar.JarFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every {@link BrokerFactory} that can be found: first those on tvbridge's class path (the
 * bundled brokers), then those in each jar of the plugins folder, each jar through its own
 * {@link SpiOnlyClassLoader}-parented class loader. A jar that cannot be loaded, or a
 * provider that fails, is recorded as a {@link Problem} and skipped; it never hides the
 * other brokers.
 */
public final class BrokerCatalog {
    private static final Logger log = LoggerFactory.getLogger(BrokerCatalog.class);
    private static final int MAX_FAILURES_PER_SOURCE = 10;

    /** A broker that was found, and where: {@code bundled} or the plugin jar's path. */
    public record Provider(BrokerFactory factory, String source) {
        public String name() {
            return factory.name();
        }
    }

    /** Something in the plugins folder that could not be used, and why. */
    public record Problem(String source, String message) {
    }

    private final Map<String, Provider> providers;
    private final List<Problem> problems;

    private BrokerCatalog(Map<String, Provider> providers, List<Problem> problems) {
        this.providers = providers;
        this.problems = problems;
    }

    public static BrokerCatalog discover(Path pluginDirectory) {
        Map<String, Provider> providers = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        load(ServiceLoader.load(BrokerFactory.class, BrokerCatalog.class.getClassLoader()), "bundled",
                providers, problems);
        for (Path jar : jars(pluginDirectory, problems)) {
            Optional<String> unreadable = unreadable(jar);
            if (unreadable.isPresent()) {
                problems.add(new Problem(jar.toString(), "is not a readable jar file: " + unreadable.get()));
                continue;
            }
            try {
                URLClassLoader loader = new URLClassLoader("plugin:" + jar.getFileName(),
                        new URL[]{jar.toUri().toURL()}, new SpiOnlyClassLoader());
                int before = providers.size();
                load(ServiceLoader.load(BrokerFactory.class, loader), jar.toString(), providers, problems);
                if (providers.size() == before && problems.stream().noneMatch(p -> p.source().equals(jar.toString()))) {
                    problems.add(new Problem(jar.toString(), "provides no broker (no META-INF/services/"
                            + BrokerFactory.class.getName() + " entry)"));
                }
            } catch (MalformedURLException e) {
                problems.add(new Problem(jar.toString(), "cannot be opened: " + e.getMessage()));
            }
        }
        providers.values().stream().filter(p -> !p.source().equals("bundled")).forEach(p ->
                log.info("broker plugin {} {} found in {}", p.name(), p.factory().version(), p.source()));
        problems.forEach(p -> log.warn("broker plugin {} skipped: {}", p.source(), p.message()));
        return new BrokerCatalog(providers, List.copyOf(problems));
    }

    private static void load(ServiceLoader<BrokerFactory> loader, String source, Map<String, Provider> providers,
                             List<Problem> problems) {
        Iterator<BrokerFactory> it = loader.iterator();
        // a failing provider does not end the search; a jar that fails endlessly does, after a few tries
        for (int failures = 0; failures < MAX_FAILURES_PER_SOURCE; ) {
            try {
                if (!it.hasNext()) {
                    return;
                }
                BrokerFactory factory = it.next();
                register(factory, factory.name(), source, providers, problems);
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                failures++;
                problems.add(new Problem(source, "a broker in it failed to load: " + rootMessage(e)));
            }
        }
    }

    private static void register(BrokerFactory factory, String name, String source, Map<String, Provider> providers,
                                 List<Problem> problems) {
        Provider earlier = providers.get(name);
        if (earlier != null) {
            problems.add(new Problem(source, "its broker '" + name + "' is already provided by "
                    + earlier.source() + "; ignored"));
        } else {
            providers.put(name, new Provider(factory, source));
        }
    }

    private static List<Path> jars(Path directory, List<Problem> problems) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<Path> jars = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, "*.jar")) {
            stream.forEach(jars::add);
        } catch (IOException e) {
            problems.add(new Problem(directory.toString(), "cannot be read: " + e.getMessage()));
        }
        jars.sort(null);
        return jars;
    }

    private static Optional<String> unreadable(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(String.valueOf(e.getMessage()));
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    public Optional<Provider> find(String name) {
        return Optional.ofNullable(providers.get(name));
    }

    public List<Provider> providers() {
        return List.copyOf(providers.values());
    }

    public List<String> names() {
        return List.copyOf(providers.keySet());
    }

    public List<Problem> problems() {
        return problems;
    }
}
