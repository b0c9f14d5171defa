-- Whether marking the invoice paid resumed its licence, which its overdue renewal invoice had paused (decision 0093):
-- removing that payment pauses again only a licence the payment itself resumed, not one a person had resumed by hand
-- before it. Null for a payment recorded before this column: not known, so removing it pauses as decision 0088 did.
alter table invoice add column payment_resumed_licence boolean;
