package org.disassociate.clevertap.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The CleverTap accounts this deployment delivers to, by name, and which of them a number goes to. Filled at start-up
 * from the configuration (api.AccountSettings); a kamelet that names an account by its credentials adds one while the
 * host runs. The first rule that applies decides:
 * <ol>
 * <li>the intake named the account (a folder of the inbox, a REST caller's credentials, a JMS message's header, the
 * kamelet's parameters): that account;</li>
 * <li>the number's country is among an account's {@code countries}: each account that lists it;</li>
 * <li>the {@code default} account, when there is one;</li>
 * <li>none: the number goes to the error channel ({@link #noAccountFor(String)}).</li>
 * </ol>
 */
public final class Accounts {

    private final Map<String, Account> byName = new LinkedHashMap<>();
    private final List<Consumer<Account>> onAdded = new CopyOnWriteArrayList<>();
    private volatile List<Account> all = List.of();
    /** What {@code byName} holds, for the readers on every chunk's way, who take no lock. */
    private volatile Map<String, Account> named = Map.of();

    private volatile Map<String, List<Account>> byCountry = Map.of();
    private final Set<String> failing = ConcurrentHashMap.newKeySet();

    /**
     * Adds {@code account}; refused when its name or account id is taken already.
     */
    public void add(Account account) {
        synchronized (this) {
            put(account);
        }
        // outside the lock: a listener makes routes, and readers of accounts go on meanwhile
        onAdded.forEach(listener -> listener.accept(account));
    }

    private void put(Account account) {
        if (byName.containsKey(account.name())) {
            throw new ConfigurationException("two accounts are named '" + account.name() + "'");
        }
        for (Account other : byName.values()) {
            if (other.accountId().equals(account.accountId())) {
                throw new ConfigurationException("accounts '" + other.name() + "' and '" + account.name()
                        + "' have the same account id " + account.accountId());
            }
        }
        byName.put(account.name(), account);
        named = Map.copyOf(byName);
        all = List.copyOf(byName.values());
        Map<String, List<Account>> countries = new LinkedHashMap<>();
        for (Account each : all) {
            for (String country : each.countries()) {
                countries.computeIfAbsent(country, c -> new ArrayList<>()).add(each);
            }
        }
        countries.replaceAll((country, accounts) -> List.copyOf(accounts));
        byCountry = Map.copyOf(countries);
    }

    /** Told of each account added from now on (the accounts added so far are {@link #all()}). */
    public void onAdded(Consumer<Account> listener) {
        onAdded.add(listener);
    }

    public List<Account> all() {
        return all;
    }

    public Optional<Account> named(String name) {
        return Optional.ofNullable(name).map(n -> named.get(n.trim()));
    }

    /** The account of that name, or else of that account id (a JMS message's header may give either). */
    public Optional<Account> byNameOrId(String nameOrId) {
        if (nameOrId == null || nameOrId.isBlank()) {
            return Optional.empty();
        }
        String wanted = nameOrId.trim();
        return named(wanted).or(() -> byId(wanted));
    }

    public Optional<Account> byId(String accountId) {
        return all.stream()
                .filter(account -> account.accountId().equals(accountId == null ? null : accountId.trim()))
                .findFirst();
    }

    public Optional<Account> defaultAccount() {
        return named(Account.DEFAULT);
    }

    /**
     * The accounts a valid number of {@code country} (libphonenumber's region, e.g. IN) goes to when its intake named
     * none: those that list the country, else the default one; empty when no account takes it.
     */
    public List<Account> forCountry(String country) {
        List<Account> listing = country == null ? null : byCountry.get(country.toUpperCase(Locale.ROOT));
        if (listing != null) {
            return listing;
        }
        return defaultAccount().map(List::of).orElse(List.of());
    }

    /**
     * The account's last request to CleverTap ended without a 2xx answer (none came, 401/403, 429, 5xx), or its last
     * answer was a 2xx ({@code failing} false). Told by the CleverTap API's stage; batching reads it.
     */
    public void failing(String account, boolean failing) {
        if (failing) {
            this.failing.add(account);
        } else {
            this.failing.remove(account);
        }
    }

    /** True while the account's requests fail: its numbers may be set aside so that other accounts' go on. */
    public boolean isFailing(String account) {
        return failing.contains(account);
    }

    /** True when a number's country matters: an account lists countries, or there is no default account. */
    public boolean routeByCountry() {
        return !byCountry.isEmpty() || defaultAccount().isEmpty();
    }

    /** Why a number of {@code country} goes to the error channel when no account takes it. */
    public static String noAccountFor(String country) {
        return "no account for " + (country == null || country.isBlank() ? "numbers of no country" : country);
    }
}
