package io.licencedesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import io.licencedesk.support.IntegrationTest;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every required text of every form and API body ({@code @NotBlank}) refuses text that shows nothing, with its
 * "required" message: Hibernate Validator's own rule took a no-break space or a zero-width space as filled in, so a
 * client, plan or screen could be named with nothing to see (decision 0125).
 */
@IntegrationTest
class RequiredFieldsIntegrationTests {

    /** No-break space, narrow no-break space, ideographic space, zero-width space, word joiner, BOM, spaces mixed. */
    static final List<String> INVISIBLE =
            List.of("\u00a0", "\u202f", "\u3000", "\u200b", "\u2060", "\ufeff", " \u00a0\u200b\t ");

    @Autowired
    Validator validator;

    @Test
    void everyRequiredTextRefusesTextThatShowsNothingAndTakesVisibleText() {
        List<Field> required = ArchitectureTests.CLASSES.stream()
                .map(JavaClass::reflect)
                .flatMap(type -> List.of(type.getDeclaredFields()).stream())
                .filter(field -> field.isAnnotationPresent(NotBlank.class))
                .toList();
        assertThat(required).as("the sweep finds the required fields").hasSizeGreaterThan(10);

        List<String> faults = new ArrayList<>();
        for (Field field : required) {
            Class<?> type = field.getDeclaringClass();
            for (String invisible : INVISIBLE) {
                if (validator.validateValue(type, field.getName(), invisible).isEmpty()) {
                    faults.add(type.getSimpleName() + "." + field.getName() + " took " + escaped(invisible));
                }
            }
            if (!validator.validateValue(type, field.getName(), "\u00a0Lobby\u200b").stream()
                    .filter(violation -> violation.getConstraintDescriptor().getAnnotation() instanceof NotBlank)
                    .toList()
                    .isEmpty()) {
                faults.add(type.getSimpleName() + "." + field.getName() + " refused visible text as missing");
            }
        }
        assertThat(faults).isEmpty();
    }

    private static String escaped(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> out.append(String.format("\\u%04x", c)));
        return out.toString();
    }
}
