package io.licencedesk.api;

import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every field of the OpenAPI document's schemas that is not required may be null. The API writes a field without a
 * value as {@code null} (a licence's client while unassigned, an invoice's paidOn until paid, a page's nextCursor on
 * the last page) and takes null for an optional field of a body, so an integrator who validates answers against the
 * served document, or a client generated from it, must be told so: otherwise every unassigned licence fails its own
 * schema. A field that always has a value is marked required where it is declared.
 */
@Configuration(proxyBeanMethods = false)
class NullableFieldsDocumentation {

    private static final String NULL = "null";

    @Bean
    OpenApiCustomizer optionalFieldsMayBeNull() {
        return openApi -> {
            if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
                return;
            }
            openApi.getComponents().getSchemas().values().forEach(NullableFieldsDocumentation::optionalMayBeNull);
        };
    }

    @SuppressWarnings("rawtypes")
    private static void optionalMayBeNull(Schema schema) {
        if (schema.getProperties() == null) {
            return;
        }
        List<?> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        @SuppressWarnings("unchecked")
        java.util.Map<String, Schema> properties = schema.getProperties();
        properties.replaceAll((name, property) -> required.contains(name) ? property : nullable(property));
    }

    /** A $ref cannot take a second type: it becomes "one of the object or null", its description kept beside. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema nullable(Schema property) {
        if (property.get$ref() != null) {
            Schema reference = new JsonSchema().$ref(property.get$ref());
            Schema none = new JsonSchema().types(Set.of(NULL));
            return new JsonSchema().anyOf(List.of(reference, none)).description(property.getDescription());
        }
        Set<String> types =
                property.getTypes() == null ? new LinkedHashSet<>() : new LinkedHashSet<>(property.getTypes());
        if (!types.isEmpty() && !types.contains(NULL)) {
            types.add(NULL);
            property.setTypes(types);
        }
        return property;
    }
}
