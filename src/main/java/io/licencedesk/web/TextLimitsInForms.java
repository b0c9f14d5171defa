package io.licencedesk.web;

import jakarta.validation.Validator;
import jakarta.validation.constraints.Size;
import jakarta.validation.metadata.PropertyDescriptor;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.dialect.AbstractProcessorDialect;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.processor.IProcessor;
import org.thymeleaf.processor.element.AbstractElementTagProcessor;
import org.thymeleaf.processor.element.IElementTagStructureHandler;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * A text box bound to a form's field ({@code th:field="*{name}"}) gets a {@code maxlength} from the field's
 * {@code @Size(max)}, written once, on the form record the server validates, so that the typing stops where the server
 * refuses. The server counts characters (code points, decision 0155) and a browser's {@code maxlength} UTF-16 units:
 * a name of emoji alone is stopped at half the limit in the box (the API and the import take the whole limit). A
 * maxlength of twice the limit was tried and undone: it let every person type past the limit of the text nearly all of
 * them write, to learn it from the refusal, for the sake of names of emoji alone. Before, each template repeated the
 * number, and most forgot it.
 *
 * <p>It runs before Spring's {@code th:field} (a lower precedence than Spring's dialect), while the attribute still
 * names the field. A field without {@code @Size} keeps whatever the template says; one with it gets the constraint's
 * number even where the template wrote one, so the two cannot disagree.
 */
@Component
class TextLimitsInForms extends AbstractProcessorDialect {

    /** Before Spring's standard dialect (1000), whose {@code th:field} processor removes the attribute. */
    private static final int PRECEDENCE = 900;

    /** The input types a person types text into; maxlength means nothing to the others. */
    private static final Set<String> TEXT_TYPES = Set.of("text", "email", "url", "search", "tel", "password");

    /** A plain field of the selected object: {@code *{name}}. */
    private static final Pattern SELECTED_FIELD = Pattern.compile("\\*\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}");

    private final Validator validator;
    private final Map<Class<?>, Map<String, OptionalInt>> limits = new ConcurrentHashMap<>();

    TextLimitsInForms(@Lazy Validator validator) {
        super("Text limits in forms", "th", PRECEDENCE);
        this.validator = validator;
    }

    @Override
    public Set<IProcessor> getProcessors(String dialectPrefix) {
        return Set.of(new MaxLength(dialectPrefix, "input"), new MaxLength(dialectPrefix, "textarea"));
    }

    /** The smallest {@code @Size(max)} on the type's property, or empty when it has none. */
    OptionalInt maxLength(Class<?> type, String property) {
        return limits.computeIfAbsent(type, key -> new ConcurrentHashMap<>())
                .computeIfAbsent(property, key -> find(type, key));
    }

    private OptionalInt find(Class<?> type, String property) {
        PropertyDescriptor described = validator.getConstraintsForClass(type).getConstraintsForProperty(property);
        if (described == null) {
            return OptionalInt.empty();
        }
        return described.getConstraintDescriptors().stream()
                .filter(constraint -> constraint.getAnnotation() instanceof Size)
                .mapToInt(constraint -> ((Size) constraint.getAnnotation()).max())
                .filter(max -> max < Integer.MAX_VALUE)
                .min();
    }

    private final class MaxLength extends AbstractElementTagProcessor {

        private final String prefix;

        MaxLength(String prefix, String element) {
            super(TemplateMode.HTML, prefix, element, false, "field", true, PRECEDENCE);
            this.prefix = prefix;
        }

        @Override
        protected void doProcess(
                ITemplateContext context, IProcessableElementTag tag, IElementTagStructureHandler structure) {
            if ("input".equalsIgnoreCase(tag.getElementCompleteName())) {
                String type = tag.getAttributeValue("type");
                if (!TEXT_TYPES.contains(type == null ? "text" : type.toLowerCase(java.util.Locale.ROOT))) {
                    return;
                }
            }
            String field = tag.getAttributeValue(prefix, "field");
            Matcher selected = field == null ? null : SELECTED_FIELD.matcher(field.strip());
            Object form = context.getSelectionTarget();
            if (selected == null || !selected.matches() || form == null) {
                return;
            }
            maxLength(form.getClass(), selected.group(1))
                    .ifPresent(max -> structure.setAttribute("maxlength", Integer.toString(max)));
        }
    }
}
