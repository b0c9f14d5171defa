package io.licencedesk.bench;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.test.context.BootstrapUtils;
import org.springframework.test.context.BootstrapWith;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * How many Spring application contexts a full test run starts (decision 0166): the test classes of
 * {@code target/test-classes} grouped by the key of Spring's context cache, which is what decides whether a class reuses
 * a context or starts one of its own (properties, profiles, imports, bean overrides, web environment). The count does
 * not move with the machine's load, unlike the suite's time. A class marked {@code @DirtiesContext} starts its context
 * again each time; none of the groups here is evicted from the cache in a run as long as there are no more of them than
 * {@code spring.test.context.cache.maxSize} (32) at once, which the test classes' order keeps (see the decision).
 *
 * <p>{@code bench/test-contexts.sh}; prints the number of contexts, then each with its classes, the largest first.
 */
public final class TestContexts {

    private TestContexts() {}

    public static void main(String[] arguments) throws IOException {
        Path classes = Path.of(arguments.length > 0 ? arguments[0] : "target/test-classes");
        Map<MergedContextConfiguration, List<String>> contexts = new LinkedHashMap<>();
        for (Class<?> test : springTestClasses(classes)) {
            MergedContextConfiguration key =
                    BootstrapUtils.resolveTestContextBootstrapper(test).buildMergedContextConfiguration();
            contexts.computeIfAbsent(key, ignored -> new ArrayList<>())
                    .add(test.getName().replace("io.licencedesk.", ""));
        }
        System.out.println(contexts.size() + " application contexts for "
                + contexts.values().stream().mapToInt(List::size).sum() + " Spring test classes");
        contexts.entrySet().stream()
                .sorted((one, other) -> other.getValue().size() - one.getValue().size())
                .forEach(context -> System.out.println(context.getValue().size() + "\t" + context.getValue()
                        + "\n\tproperties " + List.of(context.getKey().getPropertySourceProperties())
                        + ", classes " + List.of(context.getKey().getClasses())));
    }

    private static List<Class<?>> springTestClasses(Path root) throws IOException {
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(path -> path.toString().endsWith("Tests.class")
                            || path.toString().contains("Tests$"))
                    .sorted()
                    .toList()) {
                String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type;
                try {
                    type = Class.forName(name, false, TestContexts.class.getClassLoader());
                } catch (ClassNotFoundException | LinkageError notATestClass) {
                    continue;
                }
                boolean runs = !Modifier.isAbstract(type.getModifiers())
                        && (!type.isMemberClass() || type.isAnnotationPresent(Nested.class));
                if (runs
                        && MergedAnnotations.from(type, SearchStrategy.TYPE_HIERARCHY)
                                .isPresent(BootstrapWith.class)) {
                    found.add(type);
                }
            }
        }
        return found;
    }
}
