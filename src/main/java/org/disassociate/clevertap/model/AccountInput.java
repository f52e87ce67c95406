package org.disassociate.clevertap.model;

/**
 * An input (a line, or a CleverTap identity) whose own message named its account: a JMS message's
 * {@code CleverTapAccount} header, in a batch that may hold messages of several accounts. Validation checks
 * {@link #input()} as any other, with the account's default country; the valid number goes to that account.
 *
 * @param input   what the message held: a {@code String} or an {@link Identity}
 * @param account the name of a configured {@link Account}
 */
public record AccountInput(Object input, String account) {}
