package io.licencedesk.api;

import io.licencedesk.shared.Money;
import io.swagger.v3.oas.annotations.media.Schema;

/** A sum of money as the API writes it: never a float, but a decimal string in the currency's minor digits. */
@Schema(name = "Money", description = "An amount of money: a decimal string and its ISO 4217 currency.")
public record MoneyAmount(
        @Schema(
                description = "The amount, with the currency's number of decimals.",
                example = "150.00",
                requiredMode = Schema.RequiredMode.REQUIRED)
        String amount,

        @Schema(description = "ISO 4217 currency code.", example = "EUR", requiredMode = Schema.RequiredMode.REQUIRED)
        String currency) {

    public static MoneyAmount of(Money money) {
        return new MoneyAmount(money.amount().toPlainString(), money.currency().getCurrencyCode());
    }
}
