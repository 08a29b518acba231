package io.orderflow.topology;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.json.JsonParserFactory;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.w3c.dom.Element;
import org.yaml.snakeyaml.Yaml;

/**
 * Checks docker-compose.yml against the code: every service is infrastructure or a {@link Deployable} with
 * the image its Maven module builds; published and health-checked ports are the port the service configures, the
 * health check asks its readiness probe, and no service publishes its management port (metrics and internals);
 * every ORDERFLOW_/SPRING_/AXON_/SERVER_/MANAGEMENT_ variable binds (relaxed binding) to a property that
 * exists; every profile has its configuration file; every depends_on target is a service. Answers the
 * problems found, each naming the service and what is wrong.
 */
final class ComposeFile {

    static final Set<String> INFRASTRUCTURE = Set.of("axonserver", "postgres", "kafka", "jaeger");
    static final String IMAGE_REPOSITORY = "orderflow/";
    static final String HEALTH_PROBE = "io.orderflow.platform.service.HealthProbe";
    /** Readiness on the service's own port, as an orchestrator asks it (management.endpoint.health.probes.add-additional-paths). */
    static final String READINESS_PROBE = "/readyz";
    private static final List<String> CHECKED_PREFIXES = List.of("ORDERFLOW_", "SPRING_", "AXON_", "SERVER_", "MANAGEMENT_");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.\\-]+)");
    private static final Pattern DEFAULTED_PORT = Pattern.compile("\\$\\{[A-Z_]+:(\\d+)}|(\\d+)");
    private static final Pattern URL_PORT = Pattern.compile("http://localhost:(\\d+)/");

    private final Path projectRoot;
    private final List<String> problems = new ArrayList<>();

    private ComposeFile(Path projectRoot) {
        this.projectRoot = projectRoot;
    }

    static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.exists(dir.resolve("docker-compose.yml")) && Files.exists(dir.resolve("mvnw")))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no project root with docker-compose.yml above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    static List<String> check(Path projectRoot, String composeText) {
        ComposeFile file = new ComposeFile(projectRoot);
        file.checkAll(composeText);
        return file.problems;
    }

    @SuppressWarnings("unchecked")
    private void checkAll(String composeText) {
        Map<String, Object> compose = new Yaml().load(composeText);
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        Map<String, Deployable> deployables = Deployable.ALL.stream().collect(Collectors.toMap(Deployable::name, Function.identity()));
        for (Deployable deployable : Deployable.ALL) {
            if (!services.containsKey(deployable.name())) {
                problems.add("service " + deployable.name() + " (" + deployable.mainClass().getName() + ") is missing from docker-compose.yml");
            }
        }
        services.forEach((name, service) -> {
            dependsOn(service).stream().filter(target -> !services.containsKey(target))
                    .forEach(target -> problems.add(name + ": depends_on names no service: " + target));
            if (INFRASTRUCTURE.contains(name)) {
                return;
            }
            Deployable deployable = deployables.get(name);
            if (deployable == null) {
                problems.add(name + ": neither infrastructure " + new TreeSet<>(INFRASTRUCTURE) + " nor a service main class "
                        + new TreeSet<>(deployables.keySet()));
                return;
            }
            checkService(deployable, service);
        });
    }

    private void checkService(Deployable deployable, Map<String, Object> service) {
        String name = deployable.name();
        Map<String, String> module = moduleProperties(deployable);
        if (!name.equals(module.get("service.name"))) {
            problems.add(name + ": module " + deployable.module() + " builds the image of service.name=" + module.get("service.name"));
        }
        if (!deployable.mainClass().getName().equals(module.get("service.main-class"))) {
            problems.add(name + ": the image of " + deployable.module() + " starts " + module.get("service.main-class")
                    + ", not " + deployable.mainClass().getName());
        }
        String image = String.valueOf(service.get("image"));
        if (!image.startsWith(IMAGE_REPOSITORY + name + ":")) {
            problems.add(name + ": image " + image + " is not the one Jib builds, " + IMAGE_REPOSITORY + name + ":<version>");
        }

        List<Map<String, Object>> configFiles = configFiles(name);
        Integer port = configuredPort(configFiles);
        if (port == null) {
            problems.add(name + ": " + name + ".yml sets no server.port");
        } else {
            if (!String.valueOf(port).equals(module.get("service.port"))) {
                problems.add(name + ": the image exposes port " + module.get("service.port") + " but the service listens on " + port);
            }
            Integer managementPort = configuredManagementPort(configFiles);
            for (Object mapping : list(service.get("ports"))) {
                String containerPort = String.valueOf(mapping).replaceAll(".*:", "");
                if (managementPort != null && containerPort.equals(String.valueOf(managementPort))) {
                    problems.add(name + ": publishes its management port " + managementPort + " (metrics and internals); "
                            + "a scraper reaches it on the compose network");
                } else if (!containerPort.equals(String.valueOf(port))) {
                    problems.add(name + ": publishes container port " + containerPort + " but the service listens on " + port);
                }
            }
            checkHealthCheck(name, service, port);
        }

        Map<String, String> environment = environment(service);
        Set<String> placeholders = placeholders(name);
        KnownProperties known = KnownProperties.of(deployable, configFiles);
        environment.keySet().stream()
                .filter(key -> CHECKED_PREFIXES.stream().anyMatch(key::startsWith))
                .filter(key -> !placeholders.contains(key) && !known.binds(key))
                .forEach(key -> problems.add(name + ": environment variable " + key + " binds to no property of the service"));
        String profiles = environment.get("SPRING_PROFILES_ACTIVE");
        if (profiles == null) {
            problems.add(name + ": SPRING_PROFILES_ACTIVE is not set (the axonserver profile must be on)");
        } else {
            for (String profile : profiles.split(",")) {
                String trimmed = profile.trim();
                if (!new ClassPathResource("application-" + trimmed + ".yml").exists() && !new ClassPathResource(name + "-" + trimmed + ".yml").exists()) {
                    problems.add(name + ": profile " + trimmed + " has no application-" + trimmed + ".yml on the classpath");
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void checkHealthCheck(String name, Map<String, Object> service, int port) {
        Object healthcheck = service.get("healthcheck");
        List<Object> test = healthcheck instanceof Map<?, ?> map ? list(((Map<String, Object>) map).get("test")) : List.of();
        String command = test.stream().map(String::valueOf).collect(Collectors.joining(" "));
        if (test.isEmpty()) {
            problems.add(name + ": no health check");
            return;
        }
        if (!command.contains(HEALTH_PROBE) || !classExists(HEALTH_PROBE)) {
            problems.add(name + ": the health check does not run " + HEALTH_PROBE + " (the images have no shell or curl): " + command);
        }
        Matcher url = URL_PORT.matcher(command);
        if (!url.find() || !url.group(1).equals(String.valueOf(port)) || !command.contains(READINESS_PROBE)) {
            problems.add(name + ": the health check does not ask http://localhost:" + port + READINESS_PROBE + ": " + command);
        }
    }

    private static boolean classExists(String name) {
        try {
            Class.forName(name);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private Map<String, String> moduleProperties(Deployable deployable) {
        try {
            var document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(projectRoot.resolve(deployable.module()).resolve("pom.xml").toFile());
            Map<String, String> properties = new LinkedHashMap<>();
            var nodes = ((Element) document.getDocumentElement().getElementsByTagName("properties").item(0)).getChildNodes();
            for (int i = 0; i < nodes.getLength(); i++) {
                if (nodes.item(i) instanceof Element element) {
                    properties.put(element.getTagName(), element.getTextContent().trim());
                }
            }
            return properties;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the pom of " + deployable.module(), e);
        }
    }

    /** The service's own file and the shared one, as Boot reads them (no profile). */
    private static List<Map<String, Object>> configFiles(String name) {
        List<Map<String, Object>> files = new ArrayList<>();
        for (String file : List.of(name + ".yml", "orderflow-service.yml")) {
            files.add(loadYaml(file).orElseGet(Map::of));
        }
        return files;
    }

    /** Environment variables the service's configuration files name as placeholders, e.g. AXON_SERVER_ADDRESS. */
    private static Set<String> placeholders(String name) {
        Set<String> found = new TreeSet<>();
        for (String file : List.of(name + ".yml", "orderflow-service.yml", "application-axonserver.yml")) {
            try (InputStream in = new ClassPathResource(file).getInputStream()) {
                Matcher matcher = PLACEHOLDER.matcher(new String(in.readAllBytes()));
                while (matcher.find()) {
                    found.add(matcher.group(1));
                }
            } catch (IOException e) {
                // absent: nothing to add
            }
        }
        return found;
    }

    @SuppressWarnings("unchecked")
    private static Optional<Map<String, Object>> loadYaml(String resource) {
        ClassPathResource file = new ClassPathResource(resource);
        if (!file.exists()) {
            return Optional.empty();
        }
        try (InputStream in = file.getInputStream()) {
            return Optional.of(new Yaml().load(in));
        } catch (IOException e) {
            throw new IllegalStateException(resource, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Integer configuredPort(List<Map<String, Object>> files) {
        for (Map<String, Object> file : files) {
            if (file.get("server") instanceof Map<?, ?> server && server.get("port") != null) {
                Matcher matcher = DEFAULTED_PORT.matcher(String.valueOf(server.get("port")));
                if (matcher.matches()) {
                    return Integer.valueOf(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
                }
            }
        }
        return null;
    }

    private static Integer configuredManagementPort(List<Map<String, Object>> files) {
        for (Map<String, Object> file : files) {
            if (file.get("management") instanceof Map<?, ?> management && management.get("server") instanceof Map<?, ?> server
                    && server.get("port") != null) {
                Matcher matcher = DEFAULTED_PORT.matcher(String.valueOf(server.get("port")));
                if (matcher.matches()) {
                    return Integer.valueOf(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
                }
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> environment = new LinkedHashMap<>();
        Object declared = service.get("environment");
        if (declared instanceof Map<?, ?> map) {
            map.forEach((key, value) -> environment.put(String.valueOf(key), String.valueOf(value)));
        } else {
            list(declared).forEach(entry -> {
                String[] parts = String.valueOf(entry).split("=", 2);
                environment.put(parts[0], parts.length > 1 ? parts[1] : "");
            });
        }
        return environment;
    }

    private static Collection<String> dependsOn(Map<String, Object> service) {
        Object dependsOn = service.get("depends_on");
        if (dependsOn instanceof Map<?, ?> map) {
            return map.keySet().stream().map(String::valueOf).toList();
        }
        return list(dependsOn).stream().map(String::valueOf).toList();
    }

    private static List<Object> list(Object value) {
        return value instanceof List<?> list ? new ArrayList<>(list) : List.of();
    }

    /**
     * The properties a service can bind: keys of its configuration files, the components of the
     * {@code @ConfigurationProperties} classes in the packages its configuration imports or scans (and the
     * platform's), and Boot's and Axon's configuration metadata on the classpath.
     */
    private record KnownProperties(List<Pattern> patterns) {

        static KnownProperties of(Deployable deployable, List<Map<String, Object>> configFiles) {
            Set<String> names = new LinkedHashSet<>();
            configFiles.forEach(file -> flatten("", file, names));
            configurationPropertiesOf(packagesOf(deployable.configuration()), names);
            metadata(names);
            return new KnownProperties(names.stream().map(KnownProperties::environmentPattern).toList());
        }

        boolean binds(String environmentVariable) {
            return patterns.stream().anyMatch(pattern -> pattern.matcher(environmentVariable).matches());
        }

        /**
         * Relaxed binding of an environment variable: dots become underscores, dashes are dropped (or, the
         * legacy form, become underscores), list indexes and map keys are underscore-separated parts.
         */
        static Pattern environmentPattern(String property) {
            StringBuilder regex = new StringBuilder();
            for (String part : property.split("\\.")) {
                if (!regex.isEmpty()) {
                    regex.append('_');
                }
                if (part.equals("*")) {
                    regex.append("[A-Z0-9_]+");
                } else if (part.equals("[*]")) {
                    regex.append("[0-9]+");
                } else {
                    regex.append(Pattern.quote(part.toUpperCase()).replace("-", "\\E_?\\Q"));
                }
            }
            return Pattern.compile(regex.toString());
        }

        @SuppressWarnings("unchecked")
        private static void flatten(String prefix, Map<String, Object> map, Set<String> names) {
            map.forEach((key, value) -> {
                String name = prefix.isEmpty() ? key : prefix + "." + key;
                if (value instanceof Map<?, ?> nested) {
                    flatten(name, (Map<String, Object>) nested, names);
                } else {
                    names.add(name);
                }
            });
        }

        private static Set<String> packagesOf(Class<?> configuration) {
            Set<String> packages = new LinkedHashSet<>();
            packages.add("io.orderflow.platform");
            ComponentScan scan = configuration.getAnnotation(ComponentScan.class);
            if (scan != null) {
                Stream.of(scan.basePackageClasses()).forEach(type -> packages.add(type.getPackageName()));
            }
            Import imports = configuration.getAnnotation(Import.class);
            if (imports != null) {
                Stream.of(imports.value()).forEach(type -> packages.add(type.getPackageName()));
            }
            return packages;
        }

        private static void configurationPropertiesOf(Set<String> packages, Set<String> names) {
            var scanner = new ClassPathScanningCandidateComponentProvider(false);
            scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
            for (String basePackage : packages) {
                for (var candidate : scanner.findCandidateComponents(basePackage)) {
                    try {
                        Class<?> type = Class.forName(candidate.getBeanClassName());
                        ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
                        String prefix = annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
                        components(prefix, type, names, 0);
                    } catch (ClassNotFoundException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }

        /** The properties of a record (nested records and lists of them followed), in kebab case. */
        private static void components(String prefix, Class<?> type, Set<String> names, int depth) {
            if (!type.isRecord() || depth > 5) {
                names.add(prefix);
                return;
            }
            for (var component : type.getRecordComponents()) {
                String name = prefix + "." + kebab(component.getName());
                Class<?> componentType = component.getType();
                if (List.class.isAssignableFrom(componentType) || Set.class.isAssignableFrom(componentType)) {
                    names.add(name);
                    var element = ((java.lang.reflect.ParameterizedType) component.getGenericType()).getActualTypeArguments()[0];
                    if (element instanceof Class<?> elementType) {
                        components(name + ".[*]", elementType, names, depth + 1);
                    }
                } else if (Map.class.isAssignableFrom(componentType)) {
                    names.add(name + ".*");
                } else {
                    components(name, componentType, names, depth + 1);
                }
            }
        }

        private static String kebab(String camel) {
            return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
        }

        private static void metadata(Set<String> names) {
            try {
                Enumeration<URL> files = KnownProperties.class.getClassLoader().getResources("META-INF/spring-configuration-metadata.json");
                while (files.hasMoreElements()) {
                    try (InputStream in = files.nextElement().openStream()) {
                        Map<String, Object> metadata = JsonParserFactory.getJsonParser().parseMap(new String(in.readAllBytes()));
                        for (Object property : (List<?>) metadata.getOrDefault("properties", List.of())) {
                            Map<?, ?> entry = (Map<?, ?>) property;
                            String name = String.valueOf(entry.get("name"));
                            names.add(String.valueOf(entry.get("type")).startsWith("java.util.Map") ? name + ".*" : name);
                        }
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

}
