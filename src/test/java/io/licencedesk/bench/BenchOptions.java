package io.licencedesk.bench;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A benchmark's command-line options, each {@code --name=value} (a bare {@code --name} is true), with defaults. */
record BenchOptions(Map<String, String> values) {

    static BenchOptions of(String... args) {
        return new BenchOptions(Stream.of(args)
                .map(arg -> arg.replaceFirst("^--", "").split("=", 2))
                .collect(Collectors.toMap(kv -> kv[0], kv -> kv.length > 1 ? kv[1] : "true")));
    }

    int integer(String name, int otherwise) {
        return Integer.parseInt(values.getOrDefault(name, Integer.toString(otherwise)));
    }

    long longNumber(String name, long otherwise) {
        return Long.parseLong(values.getOrDefault(name, Long.toString(otherwise)));
    }

    /** A value as given, or null when the option is not given. */
    String text(String name) {
        return values.get(name);
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    boolean flag(String name) {
        return Boolean.parseBoolean(values.getOrDefault(name, "false"));
    }

    /** A directory, absolute. */
    Path path(String name, Path otherwise) {
        return Path.of(values.getOrDefault(name, otherwise.toString())).toAbsolutePath();
    }
}
