package io.licencedesk.web;

import jakarta.validation.ConstraintViolation;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.validation.MessageInterpolatorFactory;
import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.Errors;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

/**
 * Bean Validation as Spring Boot sets it up (messages from messages.properties, in the request's language), except
 * that a field shows each message once: two constraints that say the same thing ({@code @Email} and {@code @Size}
 * on a 5,000-character address, both "Enter a valid e-mail address") made every form, and the API's problems,
 * repeat the sentence.
 */
@Configuration(proxyBeanMethods = false)
class OneMessageEachValidation {

    @Bean
    static LocalValidatorFactoryBean defaultValidator(
            ApplicationContext context, ObjectProvider<ValidationConfigurationCustomizer> customizers) {
        var validator = new DistinctMessagesValidator();
        validator.setConfigurationInitializer(configuration ->
                customizers.orderedStream().forEach(customizer -> customizer.customize(configuration)));
        validator.setMessageInterpolator(new MessageInterpolatorFactory(context).getObject());
        return validator;
    }

    static class DistinctMessagesValidator extends LocalValidatorFactoryBean {

        @Override
        protected void processConstraintViolations(Set<ConstraintViolation<Object>> violations, Errors errors) {
            super.processConstraintViolations(distinct(violations), errors);
        }

        /** The first violation of each message on each property, in the order they came. */
        static <T> Set<ConstraintViolation<T>> distinct(Set<ConstraintViolation<T>> violations) {
            Map<String, ConstraintViolation<T>> first = new LinkedHashMap<>();
            for (ConstraintViolation<T> violation : violations) {
                first.putIfAbsent(violation.getPropertyPath() + "\n" + violation.getMessage(), violation);
            }
            return new LinkedHashSet<>(first.values());
        }
    }
}
