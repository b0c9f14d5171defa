package io.licencedesk.api;

import io.licencedesk.accounts.Caller;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document's introduction and the REST API's security scheme (an API token as a bearer token). The
 * introduction is what an integrator who reads only the served documentation (Swagger UI, the token pages' link)
 * needs beside the operations: each statement in it is what the code does, checked where it is done (the filters
 * of this module and of web, RestApiProblems, the webhooks module). The {@link Caller} a handler takes is the
 * token's person (resolved by the web module), not a request parameter.
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
        info = @Info(title = "LicenceDesk API", version = "v1", description = RestApiDocumentation.INTRODUCTION))
@SecurityScheme(
        name = RestApiDocumentation.BEARER,
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        bearerFormat = "ldk_live_ API token",
        description = "An API token made in the console (your name menu → API tokens) or the portal (Profile → API"
                + " tokens). It acts with its person's role, organisation and client; a read-only token is"
                + " refused writes (403).")
class RestApiDocumentation {

    static final String BEARER = "apiToken";

    /** Markdown, as Swagger UI renders it. */
    static final String INTRODUCTION = """
            Everything the console and the client portal do, for programs, under `/api/v1`, and the **device API** \
            (`/api/v1/device`, tag *Device*) through which screens take a seat and check their licence.

            ### Tokens
            Make a token in the console (your name menu → **API tokens**; owners also from **Settings**) or, as a \
            client, in the portal (**Profile → API tokens**). It is shown once and starts with `ldk_live_`. It acts \
            as its person, with their role, organisation and (for a client) client, until its optional last day or \
            until it is revoked. A **read only** token may only read (GET): its POST, PUT, PATCH and DELETE get \
            403 `read-only-token`. A **read and write** token may also change what its person may change. Staff \
            tokens use the staff operations, client tokens the `/api/v1/portal/…` ones; the other kind gets 403 \
            `forbidden`.

            Send it on every request (**Authorize** takes it for *Try it out*):

                Authorization: Bearer ldk_live_…

            No token that counts (missing, unknown, revoked, expired, or its person disabled) gets 401 \
            `unauthenticated`, with `WWW-Authenticate: Bearer realm="LicenceDesk API"`.

            ### Errors
            Every error is an RFC 9457 problem (`Content-Type: application/problem+json`):

                {"type": "https://licencedesk.io/problems/conflict", "title": "Refused by the object's state",
                 "status": 409, "detail": "A licence that is paused cannot be paused.",
                 "instance": "/api/v1/licences/4711/pause"}

            `type` is stable: a program decides on it, not on `title` or `detail` (English, for a person). \
            `instance` is the path the request was sent to. A problem with fields at fault (a refused value, an \
            unknown or mistyped field, a bad query parameter) names them, where it can, in \
            `errors: [{"field", "detail"}]`. The usual types: 400 `malformed-body` (JSON that \
            cannot be read, an unknown field, a value of the wrong type) and `bad-parameter` (a query parameter \
            that is not of its type or list, empty where a value is needed, or that the operation does not \
            take); 404 `not-found` (also another organisation's or another client's object); 409 `conflict` (the \
            object's state refuses it); 413 \
            `body-too-large` (a body over 64 KiB); 415 `unsupported-media-type` (a body of a type the operation \
            does not take); 422 \
            `validation` (the rules refuse a value); 429 `rate-limited`; 503 `unavailable` (try again).

            ### Paging
            The licence list and a licence's history page by cursor: `limit` 1 to 100 (default 25); while \
            `hasMore` is true, send the page's `nextCursor` as `after` with the same filters for the next page \
            (`previousCursor` as `before` goes back). Pages do not shift when licences are added. A licence \
            list's cursor holds the `sort` and `order` it was made in: with another, it is a 400 `bad-parameter` \
            that says which; a history's cursor, its licence. An empty cursor (`after=`) is a 400 too: leave it out \
            for the first page. A `client` filter that is not one of your clients is a 400 `bad-parameter`. The licence \
            list's `count` counts up to 1,001 matches (`countCapped` is true beyond 1,000). Shorter lists (clients, \
            invoices, licence imports, a licence's screens, a webhook endpoint's deliveries, the portal's licences \
            and invoices) are numbered: \
            `page` from 1 and `limit` 1 to 100 (default 25), answered with `page`, `limit`, `total` and \
            `hasMore`; a search of invoices (`q`) counts up to 1,001 (`totalCapped` is true beyond 1,000, and \
            its pages then go on while `hasMore` is true, without a `last` link). The plans and webhook endpoints come whole. A licence's screens in the portal page so since December 2026: send \
            `page`; without `page` or `limit`, as programs written before send it, the answer is still the whole \
            array, with a `Deprecation` header. Every page has a `Link` header (RFC 8288): `first`, `prev` and \
            `next` when there is one, and `last` for numbered lists, each the address asked for with every other \
            parameter kept and only the page (or cursor) changed: follow `next` until there is none.

            ### Idempotency
            Every POST except the device API's takes an optional `Idempotency-Key` header (1 to 255 printable \
            ASCII characters; a random UUID is a good choice), as Stripe's: the same request sent again with the \
            same key within 24 hours gets the first answer again, with `Idempotent-Replayed: true`, and nothing is \
            created or sent twice. The key with another request is a 422 `idempotency-key-reused`; while the first \
            request still runs, a 409 `idempotency-key-in-progress` with `Retry-After: 1`. A 5xx or a 429 is not \
            kept: send it again with the same key. Keys belong to the token. A replay has the first answer's \
            `Location` and `ETag`; every `Location` is an absolute address (`https://…/api/v1/licences/4711`).

            ### Changing what you read
            A licence, a client, a plan, an invoice, a client's licence in the portal, a licence import and a \
            webhook endpoint come \
            with an `ETag` (their GET, create, change and, for a licence, its pause, resume and auto-renew \
            answers; an invoice's pay, unpay, void and resend; a portal licence's activate; an import's confirm). \
            Send it back in `If-Match` on a PATCH (or a licence's or webhook endpoint's DELETE, an invoice's \
            change, a portal licence's \
            activate, an import's confirm) to change the object only \
            as you read it: if someone changed it meanwhile, the answer is 412 \
            `precondition-failed` and nothing changes; GET it again, then decide. In `If-None-Match` on a GET, it \
            gets 304 Not Modified, without a body, while nothing changed (several tags, weak ones too, or `*` for \
            any version: 304 while the object exists). Without `If-Match`, a change applies \
            whatever happened meanwhile, as it always did.

            ### Rate limits
            A token may make 600 requests a minute (the server's `licencedesk.api.rate-limit`), counted in \
            one-minute windows on each server node. Its answers say where it stands: `RateLimit-Limit`, \
            `RateLimit-Remaining`, `RateLimit-Reset` (seconds) and `RateLimit-Policy` (`600;w=60`). Past the \
            limit: 429 `rate-limited` with `Retry-After` (seconds). Redeeming coupon codes and inviting a client \
            (once a minute, five a day) have limits of their own (429 `rate-limited` with `Retry-After` too).

            ### Versions and formats
            This is version 1: every operation is under `/api/v1`; another address under `/api` is 404 \
            `not-found` (401 without a token). Field names are camelCase and enum values lower case; money is \
            `{"amount": "150.00", "currency": "EUR"}`, never a float; dates are ISO 8601 (`2026-12-03`), times UTC \
            instants (`2026-12-03T21:08:26.123456Z`). A field or query parameter an operation does not take, or \
            one sent twice, is refused (400), so that a typo is not silently ignored (the device API's body excepted); so is a \
            whole number of the query (`page`, `limit`, `client`) not written in decimal digits (`0x10`, `+16`), and \
            an id of the path that is not (`/licences/0x10`, `/licences/abc`) names nothing: 404 `not-found`. \
            A field without a value is written `null`, not left out. Answers may gain fields: ignore those you do not \
            know. Answers are `application/json`; an `Accept` of `application/problem+json` alone counts as JSON, and \
            one that nothing matches is 406 `not-acceptable`.

            ### Webhooks
            An owner registers endpoints in the console (**Settings → Webhooks**) or with an owner's token under \
            `/api/v1/webhook-endpoints` (tag *Webhook endpoints*: the same rules; the secret is in the answer to \
            the create and to a roll only) for all events (`["*"]`) or chosen ones: `licence.created`, `licence.paused`, `invoice.paid`, `screen.registered`, … \
            Each is a POST of `{"id": "evt_…", "type", "createdAt", "data": {"object"}}`, the object being the \
            resource as this API writes it (`Licence`, `Invoice`, `Screen` below), delivered at least once (the \
            same `id` on a retry, also in the `LicenceDesk-Event-Id` header) and retried with back-off, up to 10 \
            attempts, until the endpoint answers 2xx within 10 seconds. To check that it comes from LicenceDesk, read \
            `LicenceDesk-Signature: t=<unix seconds>,v1=<signature>`: `v1` is the lower-case hex HMAC-SHA256 of \
            `<t>.<body as received>`, keyed with the endpoint's signing secret (`whsec_…`, shown once when the \
            endpoint is added, and again when it is rolled); compare in constant time, and refuse a `t` more than \
            5 minutes from your clock. For a day after the secret was rolled there are two `v1`, one for each \
            secret: accept the request when one of them matches (webhooks.md).

            ### Device API
            Screens (players) call `/api/v1/device` with their device credential instead of a token: \
            `Authorization: Bearer lds_…`, shown once when the client registers a screen (in the portal, or \
            `POST /api/v1/portal/licences/{id}/screens`). \
            `POST /api/v1/device/activate` takes a seat for the device (409 `seats-taken` when every seat is \
            taken); `POST /api/v1/device/check-in` says whether the licence is valid for it. Both answers are \
            signed with Ed25519: `Device-Signature` (base64) over the exact body bytes, by the key named in \
            `Device-Signature-Key-Id`, whose public key `GET /api/v1/device/keys/{keyId}` serves, so that a \
            player can check them offline. Its refusals are problems too, with types of their own \
            (`unknown-credential`, `licence-paused`, …); its bodies are at most 16 KiB.
            """;

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }
}
