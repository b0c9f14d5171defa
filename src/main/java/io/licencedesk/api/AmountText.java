package io.licencedesk.api;

import java.math.BigDecimal;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * An amount of money in a request's body, taken as the API writes amounts: a decimal string ({@code "180.00"}). A
 * JSON number ({@code 180}) is refused as any value of the wrong type is (values are never converted), but as an
 * {@link SentAsNumber} that keeps the number, so that the problem can show it as it should have been sent, in the
 * currency's decimals (decision 0153), where "must be text in double quotes" left the sender to guess the format.
 */
final class AmountText extends ValueDeserializer<String> {

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_STRING) {
            return parser.getString();
        }
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
            throw new SentAsNumber(parser, parser.getDecimalValue());
        }
        return (String) context.handleUnexpectedToken(String.class, parser);
    }

    /** An amount sent as a JSON number, with the number. */
    static final class SentAsNumber extends MismatchedInputException {

        private static final long serialVersionUID = 1L;

        private final transient BigDecimal number;

        SentAsNumber(JsonParser parser, BigDecimal number) {
            super(parser, "An amount sent as a JSON number", String.class);
            this.number = number;
        }

        BigDecimal number() {
            return number;
        }
    }
}
