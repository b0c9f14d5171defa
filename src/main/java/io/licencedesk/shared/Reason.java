package io.licencedesk.shared;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.springframework.context.MessageSourceResolvable;

/**
 * Why the domain refuses something, as a message code and its arguments. The domain holds no sentences: each
 * channel renders the code from {@code messages.properties} in its reader's language (decision 0039). An argument
 * that needs words of its own, such as a status, is a {@code MessageSourceResolvable} and is rendered too.
 *
 * @param code a key of messages.properties; every one starts with {@code reason.}
 */
public record Reason(String code, List<Object> arguments) implements MessageSourceResolvable {

    public Reason {
        if (code == null || !code.startsWith("reason.")) {
            throw new IllegalArgumentException("A reason's code starts with 'reason.': " + code);
        }
        arguments = List.copyOf(arguments);
    }

    public static Reason of(String code, Object... arguments) {
        return new Reason(code, Arrays.asList(arguments));
    }

    @Override
    public String[] getCodes() {
        return new String[] {code};
    }

    /**
     * The arguments as the message formats them: a {@link LocalDate} becomes a {@code java.util.Date} at its
     * midnight, so that a message writes it as {@code {0,date,d MMM yyyy}} in its reader's language ("3 Jan 2027",
     * "3 janv. 2027") rather than as ISO text.
     */
    @Override
    public Object[] getArguments() {
        return arguments.stream()
                .map(argument -> argument instanceof LocalDate date ? java.sql.Date.valueOf(date) : argument)
                .toArray();
    }

    /** None: a code without words in messages.properties is a bug that fails loudly, not a blank message. */
    @Override
    public String getDefaultMessage() {
        return null;
    }

    @Override
    public String toString() {
        return arguments.isEmpty() ? code : code + arguments;
    }
}
