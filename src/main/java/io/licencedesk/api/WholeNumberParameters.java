package io.licencedesk.api;

import java.beans.PropertyEditorSupport;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * A whole number of the address (an id in the path, {@code page}, {@code limit}, {@code client}) is read in decimal
 * digits only, with an optional minus sign. Spring's own conversion also read {@code 0x10} and {@code #10} as
 * hexadecimal and took a leading space or plus sign, so {@code /api/v1/licences/0x10} answered licence 16 and
 * {@code ?limit=0x2} a page of two, while the OpenAPI document says integer and the 400 says "a whole number". Anything
 * else is, in the query, the usual 400 bad-parameter naming the parameter (digits past the type's range are "out of
 * range" there, RestApiProblems), and for an id of the path the 404 of an id that names nothing (decision 0151). The
 * pages are left alone, as YesNoParameters leaves them.
 */
@ControllerAdvice(basePackageClasses = RestApi.class)
class WholeNumberParameters {

    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+");

    @InitBinder
    void readDecimalDigitsOnly(WebDataBinder binder) {
        binder.registerCustomEditor(long.class, new DecimalDigits(Long::valueOf));
        binder.registerCustomEditor(Long.class, new DecimalDigits(Long::valueOf));
        binder.registerCustomEditor(int.class, new DecimalDigits(Integer::valueOf));
        binder.registerCustomEditor(Integer.class, new DecimalDigits(Integer::valueOf));
    }

    /** Decimal digits to a number; anything else, or too many digits, is refused as not of the parameter's type. */
    private static final class DecimalDigits extends PropertyEditorSupport {

        private final Function<String, Number> parse;

        DecimalDigits(Function<String, Number> parse) {
            this.parse = parse;
        }

        @Override
        public void setAsText(String text) {
            if (text == null || !DECIMAL.matcher(text).matches()) {
                throw new IllegalArgumentException("Not a whole number in decimal digits");
            }
            setValue(parse.apply(text)); // NumberFormatException, an IllegalArgumentException, past the type's range
        }
    }
}
