package io.licencedesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A length limit is written once, as a constant ({@code ClientLimits.NAME_MAX}, {@code PaymentDetails.INSTRUCTIONS_MAX})
 * or in its {@code @Size}, but its messages state it in words, in every language ("Keep the address to 1,000
 * characters."): a limit changed without its messages would refuse a text with a number it does not keep to. Every
 * {@code @Size} message that states a number states the constraint's {@code max}.
 */
class SizeMessagesTests {

    /** A number as messages write it: 1000, 1,000 or, in French, 1 000 (with a space or a non-breaking one). */
    private static final Pattern NUMBER = Pattern.compile("\\d{1,3}(?:[, \u00a0\u202f]\\d{3})+|\\d+");

    private static final Pattern KEY = Pattern.compile("\\{([\\w.]+)}");

    private static final Map<String, Properties> LANGUAGES = new LinkedHashMap<>();

    static {
        LANGUAGES.put("en", properties("messages.properties"));
        LANGUAGES.put("fr", properties("messages_fr.properties"));
    }

    @Test
    void everySizeMessageStatesItsLimitInEveryLanguage() {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Field field : sizedFields()) {
            Size size = field.getAnnotation(Size.class);
            String name = field.getDeclaringClass().getSimpleName() + "." + field.getName();
            for (var text : texts(size.message()).entrySet()) {
                if (text.getValue() == null) {
                    wrong.add(name + " (" + text.getKey() + "): no message " + size.message());
                    continue;
                }
                Set<String> numbers = numbersIn(text.getValue());
                if (numbers.isEmpty()) {
                    continue; // says the text is too long, or not right, without a number
                }
                checked++;
                if (!numbers.contains(String.valueOf(size.max()))) {
                    wrong.add(name + " (" + text.getKey() + "): the limit is " + size.max() + ", the message says '"
                            + text.getValue() + "'");
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(checked).as("messages stating a limit").isGreaterThanOrEqualTo(60);
    }

    @Test
    void theClientDetailsAndPaymentSettingsLimitsAreAmongThoseChecked() {
        Set<String> sized = sizedFields().stream()
                .map(field -> field.getDeclaringClass().getSimpleName() + "." + field.getName())
                .collect(Collectors.toSet());

        assertThat(sized)
                .contains(
                        "AddClientForm.name",
                        "AddClientForm.billingAddress",
                        "ProfileForm.vatNumber",
                        "ClientRequest.email",
                        "CreateClientRequest.company",
                        "PaymentSettingsForm.instructions",
                        "PaymentSettingsForm.paymentLink");
    }

    /** The message in each language: a {key} from each messages file, or the API's English words as they are. */
    private static Map<String, String> texts(String message) {
        Matcher key = KEY.matcher(message);
        if (!key.matches()) {
            return Map.of("en", message);
        }
        Map<String, String> texts = new LinkedHashMap<>();
        LANGUAGES.forEach((language, messages) -> texts.put(language, messages.getProperty(key.group(1))));
        return texts;
    }

    private static Set<String> numbersIn(String text) {
        return NUMBER.matcher(text)
                .results()
                .map(number -> number.group().replaceAll("\\D", ""))
                .collect(Collectors.toSet());
    }

    private static List<Field> sizedFields() {
        return ArchitectureTests.CLASSES.stream()
                .map(JavaClass::reflect)
                .flatMap(type -> List.of(type.getDeclaredFields()).stream())
                .filter(field -> field.isAnnotationPresent(Size.class))
                .toList();
    }

    private static Properties properties(String file) {
        try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources", file), StandardCharsets.UTF_8)) {
            Properties properties = new Properties();
            properties.load(reader);
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
