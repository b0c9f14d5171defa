package io.licencedesk.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.licencedesk.web.Words;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The licence list's notice for a page size it does not offer named the sizes in its own words ("10, 25, 50 or 100")
 * and the size shown instead ("25"): changing {@link LicenceListParams#PAGE_SIZES} would have left it naming the old
 * ones, as a length limit's message would its old number (SizeMessagesTests). Both now come from the constants.
 */
class PageSizeNoticeTests {

    private static final Pattern NUMBER = Pattern.compile("\\d+");

    /** The message's placeholders ({0}, {1}) taken out, what is left states no number. */
    @ParameterizedTest
    @ValueSource(strings = {"messages.properties", "messages_fr.properties"})
    void theNoticeStatesNoPageSizeOfItsOwn(String file) {
        String notice = properties(file).getProperty("licences.ignored.size");

        assertThat(notice).contains("{1}", "{2}");
        assertThat(NUMBER.matcher(notice.replaceAll("\\{\\d}", "")).find())
                .as(file + ": " + notice)
                .isFalse();
    }

    @Test
    void itsArgumentsAreTheSizesTheListOffersAndTheOneItShowsInstead() {
        Words words = mock(Words.class);
        when(words.of(eq("list.orLast"), any(), any()))
                .thenAnswer(call -> call.getArgument(1) + " or " + call.getArgument(2));

        List<Object> arguments = LicenceListParams.sizeNoticeArguments(words).get("size");

        String offered = String.join(
                        ", ",
                        LicenceListParams.PAGE_SIZES.subList(0, LicenceListParams.PAGE_SIZES.size() - 1).stream()
                                .map(String::valueOf)
                                .toList())
                + " or " + LicenceListParams.PAGE_SIZES.get(LicenceListParams.PAGE_SIZES.size() - 1);
        assertThat(arguments).containsExactly(offered, String.valueOf(LicenceListParams.DEFAULT_SIZE));
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
