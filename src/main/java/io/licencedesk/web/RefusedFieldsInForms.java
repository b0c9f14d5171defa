package io.licencedesk.web;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.dialect.AbstractProcessorDialect;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.processor.IProcessor;
import org.thymeleaf.processor.element.AbstractElementTagProcessor;
import org.thymeleaf.processor.element.IElementTagStructureHandler;
import org.thymeleaf.spring6.util.FieldUtils;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * A field bound with {@code th:field="*{name}"} that the server refused says so itself: {@code aria-invalid="true"}.
 * A screen reader then hears that it is wrong, and {@code app.js} starts the keyboard at the first such field. The
 * plan, settings, payment, renewal and webhook forms marked their refused fields only in colour ({@code
 * th:errorclass}), so after a refusal the keyboard started at the top of the page and a screen reader heard nothing
 * wrong with the field. A template that writes {@code aria-invalid} itself gets the same value.
 */
@Component
class RefusedFieldsInForms extends AbstractProcessorDialect {

    /** Before Spring's standard dialect (1000), whose {@code th:field} processor removes the attribute. */
    private static final int PRECEDENCE = 900;

    private static final Pattern SELECTED_FIELD = Pattern.compile("\\*\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}");

    RefusedFieldsInForms() {
        super("Refused fields in forms", "th", PRECEDENCE);
    }

    @Override
    public Set<IProcessor> getProcessors(String dialectPrefix) {
        return Set.of(
                new AriaInvalid(dialectPrefix, "input"),
                new AriaInvalid(dialectPrefix, "textarea"),
                new AriaInvalid(dialectPrefix, "select"));
    }

    private static final class AriaInvalid extends AbstractElementTagProcessor {

        private final String prefix;

        AriaInvalid(String prefix, String element) {
            super(TemplateMode.HTML, prefix, element, false, "field", true, PRECEDENCE);
            this.prefix = prefix;
        }

        @Override
        protected void doProcess(
                ITemplateContext context, IProcessableElementTag tag, IElementTagStructureHandler structure) {
            String field = tag.getAttributeValue(prefix, "field");
            Matcher selected = field == null ? null : SELECTED_FIELD.matcher(field.strip());
            if (selected == null || !selected.matches() || !context.hasSelectionTarget()) {
                return;
            }
            if (FieldUtils.hasErrors(context, selected.group(1))) {
                structure.setAttribute("aria-invalid", "true");
            }
        }
    }
}
