package org.disassociate.clevertap.api;

/** What a request to CleverTap holds while it is in flight: this instance's slot (from when) and the account's. */
public record RequestSlot(long started, AccountSlots.Held account) {}
