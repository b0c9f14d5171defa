package io.licencedesk.api;

import io.licencedesk.accounts.AccountManagement;
import io.licencedesk.accounts.Caller;
import io.licencedesk.accounts.Client;
import io.licencedesk.accounts.PasswordManagement;
import io.licencedesk.exports.CsvExports;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BindException;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Clients for staff: list and search, add, read, change, invite. */
@RestApi
@RestController
@RequestMapping(path = "/api/v1/clients", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Clients", description = "Staff: the organisation's clients.")
@SecurityRequirement(name = RestApiDocumentation.BEARER)
class ClientApiController {

    private final AccountManagement accounts;
    private final PasswordManagement passwords;
    private final CsvExports exports;

    ClientApiController(AccountManagement accounts, PasswordManagement passwords, CsvExports exports) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.exports = exports;
    }

    @GetMapping
    @Operation(
            operationId = "listClients",
            summary = "List clients",
            description = "By name (of two with one name, the first added first), as the console's client list"
                    + " and its CSV; `q` searches name, e-mail and company.")
    NumberedPage<ClientResponse> list(
            Caller caller,
            @Parameter(description = "Words in the name, e-mail or company.") @RequestParam(required = false) String q,
            @Parameter(description = "Page number, from 1.") @RequestParam(defaultValue = "1") int page,
            @Parameter(description = "1 to 100.") @RequestParam(defaultValue = "25") int limit) {
        ApiParameters.checkPage(page);
        ApiParameters.checkLimit(limit);
        var clients = accounts.clients(caller, q, page, limit);
        var access =
                accounts.access(caller, clients.items().stream().map(Client::id).toList());
        return NumberedPage.of(clients, client -> ClientResponse.of(client, access.get(client.id())));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "createClient",
            summary = "Add a client",
            description = "With `invite: true`, e-mails them a link to the portal.")
    @ApiResponse(responseCode = "201", description = "Created.")
    ResponseEntity<ClientResponse> create(
            Caller caller, @Valid @RequestBody CreateClientRequest request, BindingResult refused)
            throws BindException {
        request.check(refused);
        FieldRefusals.answerIfAny(refused);
        Client client = accounts.addClient(caller, request.toNewClient());
        if (Boolean.TRUE.equals(request.invite())) {
            passwords.invite(caller, client.id());
        }
        ClientResponse created = response(caller, client);
        return ConditionalRequests.created("/api/v1/clients/" + client.id(), created);
    }

    @GetMapping(
            path = "/export",
            produces = {CsvResponse.TEXT_CSV, MediaType.ALL_VALUE})
    @Operation(
            operationId = "exportClients",
            summary = "Export clients (CSV)",
            description = "Every client listClients lists for the same `q`, by name, as the console's clients Export"
                    + ": name, e-mail, company, billing address, VAT number, portal access, enabled,"
                    + " created.")
    @CsvResponse
    void export(
            Caller caller,
            @Parameter(description = "Words in the name, e-mail or company.") @RequestParam(required = false) String q,
            @CsvSeparatorParameter.Separator @RequestParam(required = false) String separator,
            HttpServletResponse response)
            throws IOException {
        // named in English whatever the request's language (decision 0174)
        exports.clients(caller, q, CsvSeparatorParameter.of(separator), "clients", response);
    }

    @GetMapping("/{id}")
    @Operation(
            operationId = "getClient",
            summary = "Get a client",
            description = "With its ETag: send it back in If-Match to change the client only if it is still as you"
                    + " read it, or in If-None-Match for a 304 Not Modified while it is.")
    @ConditionalRequests.IfNoneMatch
    ResponseEntity<ClientResponse> client(Caller caller, @PathVariable long id) {
        return ConditionalRequests.tagged(response(caller, accounts.client(caller, id)));
    }

    @PatchMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "updateClient",
            summary = "Change a client",
            description = "Only the fields sent change. Issued invoices keep theirs. With If-Match, made only if the"
                    + " client still has that ETag (a 412 precondition-failed otherwise, before the body's fields are"
                    + " judged).")
    ResponseEntity<ClientResponse> update(
            Caller caller,
            @PathVariable long id,
            @Valid @RequestBody ClientRequest request,
            BindingResult refused,
            @ConditionalRequests.IfMatch @RequestHeader(name = ConditionalRequests.IF_MATCH, required = false)
                    String ifMatch)
            throws BindException {
        Consumer<Client> expected =
                ConditionalRequests.ifMatch(ifMatch, "client", current -> response(caller, current));
        Client current = accounts.client(caller, id); // not found before anything is said of the body
        ConditionalRequests.checkNow(expected, current); // a stale ETag before the body's faults; again under the lock
        request.checkChange(refused);
        FieldRefusals.answerIfAny(refused);
        // The fields sent go over the client as it is under its lock, not as read above: a change of another field
        // made meanwhile stays.
        return ConditionalRequests.tagged(response(caller, accounts.updateClient(caller, id, expected, request::over)));
    }

    @PostMapping("/{id}/invite")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(
            operationId = "inviteClient",
            summary = "Invite a client",
            description = "E-mails a link to choose a password (through the outbox). Refused (409) once they have one,"
                    + " and while their portal access is disabled (the link would not open). At most one invitation a minute and five a day to one person (decision 0084): past that, a"
                    + " 429 rate-limited with Retry-After (seconds).")
    void invite(Caller caller, @PathVariable long id) {
        passwords.invite(caller, id);
    }

    private ClientResponse response(Caller caller, Client client) {
        return ClientResponse.of(
                client, accounts.access(caller, List.of(client.id())).get(client.id()));
    }
}
