package io.licencedesk.web;

import io.licencedesk.shared.Characters;
import io.licencedesk.shared.InvisibleText;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.hibernate.validator.HibernateValidatorConfiguration;
import org.hibernate.validator.cfg.ConstraintMapping;
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
 * repeat the sentence. And {@code @NotBlank} refuses text that shows nothing ({@link InvisibleText}).
 */
@Configuration(proxyBeanMethods = false)
class OneMessageEachValidation {

    @Bean
    static LocalValidatorFactoryBean defaultValidator(
            ApplicationContext context, ObjectProvider<ValidationConfigurationCustomizer> customizers) {
        var validator = new DistinctMessagesValidator();
        validator.setConfigurationInitializer(configuration -> {
            countCharactersAndRequireVisibleText(configuration);
            customizers.orderedStream().forEach(customizer -> customizer.customize(configuration));
        });
        validator.setMessageInterpolator(new MessageInterpolatorFactory(context).getObject());
        return validator;
    }

    /**
     * {@code @NotBlank} refuses text of no-break or zero-width spaces too (decision 0125), and {@code @Size} counts a
     * text's characters, not its UTF-16 units (decision 0155): an emoji is one character.
     */
    private static void countCharactersAndRequireVisibleText(jakarta.validation.Configuration<?> configuration) {
        if (configuration instanceof HibernateValidatorConfiguration hibernate) {
            ConstraintMapping mapping = hibernate.createConstraintMapping();
            mapping.constraintDefinition(NotBlank.class)
                    .includeExistingValidators(false)
                    .validatedBy(InvisibleText.NotBlankValidator.class);
            mapping.constraintDefinition(Size.class)
                    .includeExistingValidators(false)
                    .validatedBy(Characters.SizeOfText.class)
                    .validatedBy(Characters.SizeOfCollection.class)
                    .validatedBy(Characters.SizeOfMap.class)
                    .validatedBy(Characters.SizeOfArray.class);
            hibernate.addMapping(mapping);
        }
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
