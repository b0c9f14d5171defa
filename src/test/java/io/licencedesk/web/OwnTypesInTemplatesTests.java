package io.licencedesk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.licencedesk.accounts.Caller;
import io.licencedesk.accounts.Role;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.expression.AccessException;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.StandardEvaluationContext;

class OwnTypesInTemplatesTests {

    private final OwnTypesInTemplates.OwnTypesAccessor accessor = new OwnTypesInTemplates.OwnTypesAccessor();
    private final Caller caller = new Caller(7, 3, Role.OWNER, "owner@example.com", "Olive");

    @Test
    void readsTheRecordComponentsAndBooleanGettersOfOurOwnTypes() throws AccessException {
        assertThat(accessor.canRead(null, caller, "email")).isTrue();
        assertThat(accessor.read(null, caller, "email").getValue()).isEqualTo("owner@example.com");
        assertThat(accessor.read(null, caller, "owner").getValue()).isEqualTo(true);
        assertThat(accessor.read(null, caller, "client").getValue()).isEqualTo(false);
        assertThat(accessor.read(null, Role.MANAGER, "staff").getValue()).isEqualTo(true);
    }

    @Test
    void leavesOtherTypesAndOtherMembersToThymeleafsChecks() {
        assertThat(accessor.canRead(null, List.of(1), "empty")).isFalse();
        assertThat(accessor.canRead(null, "text", "bytes")).isFalse();
        assertThat(accessor.canRead(null, caller, "class")).isFalse(); // getClass is declared by Object
        assertThat(accessor.canRead(null, caller, "nothing")).isFalse();
        assertThat(accessor.canRead(null, Caller.class, "name")).isFalse();
        assertThat(accessor.canRead(null, null, "name")).isFalse();
        assertThat(accessor.canWrite(null, caller, "email")).isFalse();
        // SpEL reads again through the accessor that served an expression before, without asking canRead
        assertThatThrownBy(() -> accessor.read(null, "text", "bytes")).isInstanceOf(AccessException.class);
    }

    @Test
    void servesAnExpressionAgainAndStepsAsideWhenItsTargetIsNoLongerOurs() {
        var context = new StandardEvaluationContext();
        context.addPropertyAccessor(accessor);
        var expression = new SpelExpressionParser().parseExpression("#target.name");
        context.setVariable("target", caller);
        assertThat(expression.getValue(context)).isEqualTo("Olive");
        context.setVariable("target", new Named("Other"));
        assertThat(expression.getValue(context)).isEqualTo("Other");
        context.setVariable("target", Thread.currentThread());
        assertThat(expression.getValue(context))
                .isEqualTo(Thread.currentThread().getName());
    }

    record Named(String name) {}
}
