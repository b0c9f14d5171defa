package io.licencedesk.web;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.expression.AccessException;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.PropertyAccessor;
import org.springframework.expression.TypedValue;
import org.springframework.expression.spel.support.StandardEvaluationContext;
import org.thymeleaf.context.IEngineContextFactory;
import org.thymeleaf.context.StandardEngineContextFactory;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;

/**
 * Templates read the properties of our own view values (records such as a list's rows) through one property
 * accessor that looks each property up once per class.
 *
 * <p>Why: a page's time was mostly its templates' property reads (issue 9, decision 0040). Thymeleaf's own
 * accessor checks on every read, with streams over its lists of forbidden packages, that the member is not one of
 * the JDK's dangerous ones, and SpEL cannot keep that accessor between reads of the same expression, so each
 * {@code ${row.name}} is resolved from scratch: 25 to 100 rows times some thirty reads a page. Our own types have
 * nothing to forbid, so they are read here, through methods resolved once and cached; every other type (the JDK's,
 * the framework's) still goes through Thymeleaf's checks, because this accessor refuses them.
 */
@Configuration(proxyBeanMethods = false)
class OwnTypesInTemplates {

    private static final String OWN_PACKAGE = "io.licencedesk.";

    @Bean
    static BeanPostProcessor ownTypesReadDirectly() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
                if (bean instanceof SpringTemplateEngine engine) {
                    engine.setEngineContextFactory(withOwnTypesAccessor(new StandardEngineContextFactory()));
                }
                return bean;
            }
        };
    }

    /** Adds the accessor to the evaluation context Spring's Thymeleaf view puts into each page's variables. */
    static IEngineContextFactory withOwnTypesAccessor(IEngineContextFactory engineContexts) {
        var accessor = new OwnTypesAccessor();
        return (configuration, templateData, resolutionAttributes, context) -> {
            var engineContext =
                    engineContexts.createEngineContext(configuration, templateData, resolutionAttributes, context);
            if (engineContext.getVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME)
                            instanceof StandardEvaluationContext evaluation
                    && !evaluation.getPropertyAccessors().contains(accessor)) {
                // Before the reflective accessor, which is the last: SpEL asks accessors in their order.
                evaluation.addPropertyAccessor(accessor);
            }
            return engineContext;
        };
    }

    /**
     * Reads {@code x} as the public no-argument method {@code x()}, {@code getX()} or {@code isX()} of a type
     * declared in our own packages. Read-only. A read of anything else is refused, so SpEL asks the next accessor.
     */
    static final class OwnTypesAccessor implements PropertyAccessor {

        private final Map<Class<?>, Map<String, Optional<Getter>>> getters = new ConcurrentHashMap<>();

        @Override
        public Class<?>[] getSpecificTargetClasses() {
            return null; // decided per target in canRead
        }

        @Override
        public boolean canRead(EvaluationContext context, Object target, String name) {
            return getter(target, name) != null;
        }

        @Override
        public TypedValue read(EvaluationContext context, Object target, String name) throws AccessException {
            // SpEL calls read without canRead when this accessor served the same expression before, whatever the
            // target is now: refusing makes it ask every accessor again.
            Getter getter = getter(target, name);
            if (getter == null) {
                throw new AccessException("Not a property of one of our own types: " + name);
            }
            try {
                Object value = getter.method().invoke(target);
                return new TypedValue(value, getter.type().narrow(value));
            } catch (ReflectiveOperationException failed) {
                throw new AccessException("Could not read " + name, failed);
            }
        }

        @Override
        public boolean canWrite(EvaluationContext context, Object target, String name) {
            return false;
        }

        @Override
        public void write(EvaluationContext context, Object target, String name, Object newValue)
                throws AccessException {
            throw new AccessException("Templates do not write properties");
        }

        private Getter getter(Object target, String name) {
            if (target == null || target instanceof Class<?> || !ownType(target.getClass())) {
                return null;
            }
            return getters.computeIfAbsent(target.getClass(), type -> new ConcurrentHashMap<>())
                    .computeIfAbsent(name, property -> find(target.getClass(), property))
                    .orElse(null);
        }

        private static boolean ownType(Class<?> type) {
            return type.getName().startsWith(OWN_PACKAGE);
        }

        private static Optional<Getter> find(Class<?> type, String property) {
            String capitalised = Character.toUpperCase(property.charAt(0)) + property.substring(1);
            for (String name : new String[] {property, "get" + capitalised, "is" + capitalised}) {
                try {
                    Method method = type.getMethod(name);
                    if (method.getReturnType() != void.class
                            && !Modifier.isStatic(method.getModifiers())
                            && ownType(method.getDeclaringClass())
                            && (!name.startsWith("is") || method.getReturnType() == boolean.class)) {
                        method.setAccessible(true); // our records may be package-private
                        return Optional.of(new Getter(method, new TypeDescriptor(new MethodParameter(method, -1))));
                    }
                } catch (NoSuchMethodException notThisOne) {
                    // try the next form
                }
            }
            return Optional.empty();
        }
    }

    private record Getter(Method method, TypeDescriptor type) {}
}
