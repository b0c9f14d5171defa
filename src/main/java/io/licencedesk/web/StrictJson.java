package io.licencedesk.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

/**
 * JSON bodies say what they mean, and a value of the wrong type is refused (400) rather than converted: a number or
 * a boolean where text is expected, a number or text where a boolean is expected, a fraction or text where a whole
 * number is expected, a number where a date is expected, a field the operation does not take
 * (spring.jackson.deserialization.fail-on-unknown-properties), and a field sent twice. Jackson would otherwise turn
 * {@code "name": -1} into the name "-1", {@code "autoRenew": -1} into true, {@code "quantity": 1.5} into 1,
 * {@code "planId": "1"} into 1, {@code "paidOn": 20791} into a day counted from 1970, and of a field sent twice
 * keep the last, and store them. Money amounts are text by design ({@code "unitPrice": "100.00"}), so text stays
 * text.
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

    private static final List<Class<?>> DATES_AND_TIMES = List.of(
            LocalDate.class,
            LocalDateTime.class,
            LocalTime.class,
            Instant.class,
            OffsetDateTime.class,
            ZonedDateTime.class);

    @Bean
    JsonMapperBuilderCustomizer noScalarsAsText() {
        return builder -> builder.withCoercionConfig(
                        LogicalType.Textual,
                        text -> text.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(
                        LogicalType.Boolean,
                        flag -> flag.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.String, CoercionAction.Fail));
    }

    @Bean
    JsonMapperBuilderCustomizer wholeNumbersAndDatesAsSent() {
        return builder -> {
            builder.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                    .withCoercionConfig(
                            LogicalType.Integer,
                            whole -> whole.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                    .withCoercionConfig(
                            LogicalType.DateTime,
                            date -> date.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail));
            // java.time's readers take a number as a count from 1970 unless told not to be lenient.
            for (Class<?> type : DATES_AND_TIMES) {
                builder.withConfigOverride(type, override -> override.setFormat(JsonFormat.Value.forLeniency(false)));
            }
        };
    }

    @Bean
    JsonMapperBuilderCustomizer noFieldTwice() {
        return builder -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    }
}
