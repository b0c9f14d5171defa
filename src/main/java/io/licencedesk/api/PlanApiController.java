package io.licencedesk.api;

import io.licencedesk.accounts.Caller;
import io.licencedesk.licence.Plan;
import io.licencedesk.licence.PlanCatalogue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Consumer;
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
import org.springframework.web.bind.annotation.RestController;

/** Plans: staff read them; owners add and change them. */
@RestApi
@RestController
@RequestMapping(path = "/api/v1/plans", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Plans", description = "Staff read; owners create and update.")
@SecurityRequirement(name = RestApiDocumentation.BEARER)
class PlanApiController {

    private final PlanCatalogue plans;

    PlanApiController(PlanCatalogue plans) {
        this.plans = plans;
    }

    @GetMapping
    @Operation(operationId = "listPlans", summary = "List plans")
    List<PlanResponse> list(Caller caller) {
        return plans.plans(caller).stream().map(PlanResponse::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(
            operationId = "getPlan",
            summary = "Get a plan",
            description = "With its ETag: send it back in If-Match to change the plan only if it is still as you read"
                    + " it, or in If-None-Match for a 304 Not Modified while it is.")
    @ConditionalRequests.IfNoneMatch
    ResponseEntity<PlanResponse> plan(Caller caller, @PathVariable long id) {
        return ConditionalRequests.tagged(PlanResponse.of(plans.plan(caller, id)));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "createPlan", summary = "Create a plan (owners)")
    @ApiResponse(responseCode = "201", description = "Created.")
    ResponseEntity<PlanResponse> create(
            Caller caller, @Valid @RequestBody CreatePlanRequest request, BindingResult refused) throws BindException {
        request.check(refused);
        refusePrice(caller, request.unitPrice(), refused);
        FieldRefusals.answerIfAny(refused);
        Plan plan = plans.addPlan(caller, request.toNewPlan());
        return ConditionalRequests.created("/api/v1/plans/" + plan.id(), PlanResponse.of(plan));
    }

    @PatchMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "updatePlan",
            summary = "Change a plan (owners)",
            description = "Only the fields sent change. Licences keep the price they were sold at. With If-Match,"
                    + " made only if the plan still has that ETag (a 412 precondition-failed otherwise, before the"
                    + " body's fields are judged).")
    ResponseEntity<PlanResponse> update(
            Caller caller,
            @PathVariable long id,
            @Valid @RequestBody PlanRequest request,
            BindingResult refused,
            @ConditionalRequests.IfMatch @RequestHeader(name = ConditionalRequests.IF_MATCH, required = false)
                    String ifMatch)
            throws BindException {
        Consumer<Plan> expected = ConditionalRequests.ifMatch(ifMatch, "plan", PlanResponse::of);
        Plan current = plans.plan(caller, id); // not found before anything is said of the body
        ConditionalRequests.checkNow(expected, current); // a stale ETag before the body's faults; again under the lock
        request.checkChange(refused, current);
        refusePrice(caller, request.unitPrice(), refused);
        FieldRefusals.answerIfAny(refused);
        // The fields sent go over the plan as it is under its lock, not as read above: a change of another field
        // made meanwhile stays.
        return ConditionalRequests.tagged(PlanResponse.of(plans.updatePlan(caller, id, locked -> {
            ConditionalRequests.checkNow(expected, locked);
            return request.over(locked);
        })));
    }

    /** The catalogue's refusal of a price it cannot keep (more decimals than the currency has), beside the rest. */
    private void refusePrice(Caller caller, String unitPrice, BindingResult refused) {
        if (unitPrice != null && !refused.hasFieldErrors("unitPrice")) {
            FieldRefusals.refuse(refused, plans.priceRefusals(caller, new BigDecimal(unitPrice)));
        }
    }
}
