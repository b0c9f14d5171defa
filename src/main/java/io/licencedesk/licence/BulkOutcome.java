package io.licencedesk.licence;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** What a change of many licences did to each: done, refused by its status, or gone (deleted meanwhile). */
public record BulkOutcome(List<String> done, Map<LifecycleStatus, List<String>> refused, int gone) {

    public BulkOutcome {
        done = List.copyOf(done);
        refused = refused.entrySet().stream()
                .collect(Collectors.toMap(
                        Map.Entry::getKey, entry -> List.copyOf(entry.getValue()), (a, b) -> a, TreeMap::new));
    }
}
