package io.licencedesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import io.licencedesk.shared.PlainText;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every text a person types into a form or an API body and that the product keeps refuses HTML tags, whichever door it
 * came through: an invitee's name accepted with {@code <script>} on the people page, while the client form refused it,
 * was one such door. A new text field must carry {@link PlainText} or be listed here with why it needs none.
 */
class FreeTextFieldsTests {

    /** Text components that are not free text: checked by their own format, never kept, or checked by the domain. */
    static final Set<String> NOT_FREE_TEXT = Set.of(
            // e-mail addresses, checked as addresses
            "ForgotPasswordForm.email",
            "ClientRequest.email",
            "CreateClientRequest.email",
            "AddClientForm.email",
            "InvitePersonForm.email",
            "SettingsForm.senderEmail",
            // matched against the organisation's clients (without JavaScript, decision 0136), never kept
            "LicenceForm.clientEmail",
            // secrets and one-time tokens, never shown
            "PasswordChangeForm.currentPassword",
            "PasswordChangeForm.newPassword",
            "PasswordChangeForm.confirmation",
            "SetPasswordForm.token",
            "SetPasswordForm.password",
            "SetPasswordForm.confirmation",
            // codes, numbers, dates, periods, choices and addresses, each parsed or matched against a pattern
            "ApiTokenForm.access",
            "SettingsForm.language",
            "ApiTokenForm.expiresOn",
            "PlanRequest.term",
            "PlanRequest.unitPrice",
            "CreatePlanRequest.term",
            "CreatePlanRequest.unitPrice",
            "PlanForm.term",
            "PlanForm.unitPrice",
            "LicenceForm.quantity",
            "LicenceForm.planId",
            "LicenceForm.clientId",
            // the edit page's values as loaded, sent back to tell what the person changed: compared, never kept
            "LicenceForm.loadedName",
            "LicenceForm.loadedNote",
            "LicenceForm.loadedQuantity",
            "LicenceForm.loadedPlanId",
            "LicenceForm.loadedClientId",
            "SettingsForm.currency",
            "SettingsForm.vatRate",
            "SettingsForm.invoicePrefix",
            "SettingsForm.paymentTermsDays",
            "SettingsForm.expiringSoonDays",
            "RenewalSettingsForm.renewalInvoiceDays",
            "RenewalSettingsForm.overdueReminderDays",
            "RenewalSettingsForm.overduePauseDays",
            "MarkPaidForm.paidOn",
            "InvitePersonForm.role",
            "AddClientForm.vatNumber",
            "ProfileForm.vatNumber",
            "ClientRequest.vatNumber",
            "CreateClientRequest.vatNumber",
            "WebhookEndpointForm.url",
            "CreateWebhookEndpointRequest.url",
            "WebhookEndpointForm.allTypes",
            "WebhookEndpointEditForm.allTypes",
            // the webhook endpoint's edit page's values as loaded, as the licence's above (decision 0162)
            "WebhookEndpointEditForm.loadedDescription",
            "WebhookEndpointEditForm.loadedEvents",
            "PortalApiController$RedemptionRequest.code",
            "DeviceRequest.fingerprint",
            "DeviceRequest.nonce",
            "LicencePageRequest.after",
            "LicencePageRequest.before",
            // checked by the domain, for every door: Licence.checkText and ScreenName
            "CreateLicenceRequest.name",
            "CreateLicenceRequest.note",
            "PortalApiController$ScreenRequest.name",
            // not a request anyone sends: a webhook delivery's body as the application wrote and sent it, shown
            // escaped on its page (decision 0157;
            // ConsoleWebhookIntegrationTests.showsMarkupInADeliverysBodyAndAnswerAsText)
            "DeliveryRequest.body");

    @Test
    void everyFreeTextFieldOfAFormOrAnApiBodyRefusesTags() {
        List<String> unguarded = ArchitectureTests.CLASSES.stream()
                .filter(type -> type.getSimpleName().endsWith("Form")
                        || type.getSimpleName().endsWith("Request"))
                .map(JavaClass::reflect)
                .filter(Class::isRecord)
                .flatMap(type -> List.of(type.getRecordComponents()).stream())
                .filter(component -> component.getType() == String.class)
                .filter(component -> !component.isAnnotationPresent(PlainText.class))
                .map(FreeTextFieldsTests::nameOf)
                .filter(name -> !NOT_FREE_TEXT.contains(name))
                .toList();

        assertThat(unguarded).isEmpty();
    }

    @Test
    void theListOfExceptionsNamesOnlyFieldsThatExist() {
        Set<String> existing = ArchitectureTests.CLASSES.stream()
                .map(JavaClass::reflect)
                .filter(Class::isRecord)
                .flatMap(type -> List.of(type.getRecordComponents()).stream())
                .map(FreeTextFieldsTests::nameOf)
                .collect(Collectors.toSet());

        assertThat(existing).containsAll(NOT_FREE_TEXT);
    }

    private static String nameOf(RecordComponent component) {
        String type = component.getDeclaringRecord().getName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + component.getName();
    }
}
