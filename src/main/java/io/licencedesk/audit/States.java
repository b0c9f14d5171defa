package io.licencedesk.audit;

import io.licencedesk.audit.AuditRecord.FieldChange;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A subject's recorded state: a flat map of its fields to plain values, kept as JSON text, and the fields that differ
 * between two of them.
 */
@Component
class States {

    private static final TypeReference<Map<String, Object>> STATE = new TypeReference<>() {};

    private final JsonMapper json;

    States(JsonMapper json) {
        this.json = json;
    }

    /**
     * The state of a record the other modules publish (a client, a plan, the settings): each of its components but
     * its id, in their order, so that a field added to the record is recorded too. Values are kept as a person reads
     * them: numbers and yes/no as they are, amounts as "EUR 10.00", dates and times in ISO 8601, a set sorted.
     */
    static Map<String, Object> of(Object subject) {
        if (subject == null) {
            return null;
        }
        if (subject instanceof Map<?, ?> map) {
            var state = new LinkedHashMap<String, Object>();
            map.forEach((field, value) -> state.put(field.toString(), plain(value)));
            return state;
        }
        if (!(subject instanceof Record record)) {
            throw new IllegalArgumentException("Not a record: " + subject.getClass());
        }
        var state = new LinkedHashMap<String, Object>();
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            if (!component.getName().equals("id")) {
                state.put(component.getName(), plain(read(component, record)));
            }
        }
        return state;
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException unreadable) {
            throw new IllegalStateException("Cannot read " + component, unreadable);
        }
    }

    private static Object plain(Object value) {
        if (value == null || value instanceof Boolean || value instanceof Integer || value instanceof Long) {
            return value;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        if (value instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
        }
        return value.toString();
    }

    String write(Map<String, Object> state) {
        return state == null ? null : json.writeValueAsString(state);
    }

    Map<String, Object> read(String state) {
        return state == null ? Map.of() : json.readValue(state, STATE);
    }

    /**
     * Whether both states were recorded: the change edited its subject rather than made or removed it, so that a field
     * with a value on one side only had none on the other. A licence's, a client's or a setting's state keeps each of
     * its fields, a null one too (as JSON null, since the first row, decision 0168); a change that records other fields
     * on each side (a webhook delivery sent again: its status before, its event too after) says nothing of the fields
     * one side lacks, so they are not "none" there.
     */
    static boolean beforeAndAfter(Map<String, Object> before, Map<String, Object> after) {
        return !before.isEmpty() && before.keySet().equals(after.keySet());
    }

    /** The fields whose values differ, in the order of the state before, then those only the state after has. */
    static List<FieldChange> changes(Map<String, Object> before, Map<String, Object> after) {
        Set<String> fields = new LinkedHashSet<>(before.keySet());
        fields.addAll(after.keySet());
        List<FieldChange> changes = new ArrayList<>();
        for (String field : fields) {
            Object old = before.get(field);
            Object now = after.get(field);
            if (!Objects.equals(old, now)) {
                changes.add(new FieldChange(
                        field, old == null ? null : old.toString(), now == null ? null : now.toString()));
            }
        }
        return changes;
    }
}
