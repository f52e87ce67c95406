package org.disassociate.clevertap.batching;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Body;
import org.apache.camel.Variable;
import org.disassociate.clevertap.model.Account;
import org.disassociate.clevertap.model.Accounts;
import org.disassociate.clevertap.model.Batch;
import org.disassociate.clevertap.model.PhoneNumber;
import org.disassociate.clevertap.model.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many numbers of each account may wait in memory for its senders: its batch being filled and a queue of
 * {@code max-in-flight} batches. A reader with more numbers for an account waits for room, as with one account:
 * that holds a file back only as long as CleverTap takes its numbers.
 * <p>
 * While an account's requests fail (an outage, a wrong passcode, a 429 storm), a reader does not wait for it: its
 * numbers are set aside in the account's spool (durable, read by the account's own reader), so that the other
 * accounts' numbers of the same file go on at full speed. Never for a deployment of one account, nor for the reader of
 * that account's own spool (which only waits), nor in once mode (whose run waits for every number).
 */
public class AccountQueues {

    private static final long RECHECK_MILLIS = 100;
    private static final Logger LOG = LoggerFactory.getLogger(AccountQueues.class);

    private Accounts accounts;
    private int batchSize = 1000;
    private boolean once;
    private final Map<String, Semaphore> room = new ConcurrentHashMap<>();
    private final Set<String> settingAside = ConcurrentHashMap.newKeySet();

    public void setAccounts(Accounts accounts) {
        this.accounts = accounts;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    /** Once mode: its run ends when every number it read is settled, not set aside. */
    public void setOnce(boolean once) {
        this.once = once;
    }

    /**
     * Waits for room for {@code numbers} (of one account) and takes it: true. False, at once or while waiting, when
     * they are to be set aside instead: their account's requests fail and another account exists.
     */
    public boolean admit(
            @Body List<PhoneNumber> numbers,
            @Variable(Variables.SPOOLED) Boolean spooled,
            @Variable(Variables.ACCOUNT) String readerAccount)
            throws InterruptedException {
        String account = numbers.get(0).getAccount();
        boolean mayWaitElsewhere =
                !once && accounts.all().size() > 1 && !(Boolean.TRUE.equals(spooled) && account.equals(readerAccount));
        Semaphore free = room(account);
        while (true) {
            if (mayWaitElsewhere && accounts.isFailing(account)) {
                if (settingAside.add(account)) {
                    LOG.warn(
                            "Account {}: its requests to CleverTap are failing; its numbers of files that also hold other "
                                    + "accounts' numbers are set aside in its spool, and sent from there once it answers",
                            account);
                }
                return false;
            }
            if (free.tryAcquire(numbers.size(), RECHECK_MILLIS, TimeUnit.MILLISECONDS)) {
                // said by a reader that would have set them aside: the account answers again
                if (mayWaitElsewhere && settingAside.remove(account)) {
                    LOG.info("Account {}: CleverTap answers it again; its numbers are no longer set aside", account);
                }
                return true;
            }
        }
    }

    /** A sender took the batch from its account's queue: its numbers make room. */
    public void taken(@Variable(Variables.BATCH) Batch batch) {
        room(batch.getAccount()).release(batch.size());
    }

    private Semaphore room(String account) {
        return room.computeIfAbsent(
                account,
                name -> new Semaphore(
                        (accounts.named(name).map(Account::maxInFlight).orElse(1) + 1) * batchSize));
    }
}
