package io.licencedesk.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import io.licencedesk.accounts.Caller;
import io.licencedesk.accounts.RenewalPreferences;
import io.licencedesk.accounts.Role;
import io.licencedesk.licence.LicenceManagement;
import io.licencedesk.licence.LicenceNotFoundException;
import io.licencedesk.renewals.Renewals;
import io.licencedesk.web.Reasons;
import io.licencedesk.web.Words;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.support.RedirectAttributesModelMap;

/**
 * The auto-renew form checks that its licence is the organisation's before it reads the choice (decision 0153). It
 * loaded the licence's whole details for that (its plan, client, screens' count, renewal), which it then threw away;
 * it asks the primary key alone (decision 0155). What it answers is {@code FormsLookTheirObjectUpFirstIntegrationTests}'.
 */
class ConsoleRenewalControllerTests {

    final LicenceManagement licences = mock(LicenceManagement.class);
    final Words words = mock(Words.class);
    final ConsoleRenewalController controller = new ConsoleRenewalController(
            mock(Renewals.class), licences, mock(RenewalPreferences.class), mock(Reasons.class), words);
    final Caller owner = new Caller(1, 2, Role.OWNER, "owner@example.test", "Owner");

    @Test
    void checksTheLicenceWithoutLoadingItsDetails() {
        String view = controller.chooseAutoRenew(owner, 7, null, new RedirectAttributesModelMap());

        assertThat(view).isEqualTo("redirect:/licences/7");
        verify(licences).requireYours(owner, 7);
        verify(licences, never()).details(eq(owner), anyLong());
    }

    @Test
    void anIdThatIsNotTheOrganisationsIsNotFoundBeforeTheChoiceIsRead() {
        doThrow(new LicenceNotFoundException(7)).when(licences).requireYours(owner, 7);

        assertThatThrownBy(() -> controller.chooseAutoRenew(owner, 7, null, new RedirectAttributesModelMap()))
                .isInstanceOf(LicenceNotFoundException.class);
        verify(words, never()).of(eq("console.toast.renewal.chooseAutoRenew"));
    }
}
