package org.disassociate.clevertap.batching;

import org.apache.camel.BeanInject;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.spi.Registry;
import org.disassociate.clevertap.model.Accounts;

/**
 * The beans of batching: each valid number's account, its account's queue, batches of at most the batch size, and
 * the settlement of each durable file's and each waiting caller's numbers.
 */
public class BatchingBeans implements CamelConfiguration {

    @BeanInject
    private Accounts accounts;

    @PropertyInject("clevertap.batch-size")
    private int batchSize;

    @PropertyInject("{{once:false}}")
    private boolean once;

    @Override
    public void configure(CamelContext camel) {
        Registry beans = camel.getRegistry();
        beans.bind("settlements", Settlements.class, new Settlements());

        // each valid number's account: the intake's, else its country's, else the default one
        AccountRouting routing = new AccountRouting();
        routing.setAccounts(accounts);
        beans.bind("accountRouting", AccountRouting.class, routing);

        // how many numbers of each account may wait for its senders; set aside in its spool while its requests fail
        AccountQueues queues = new AccountQueues();
        queues.setAccounts(accounts);
        queues.setBatchSize(batchSize);
        queues.setOnce(once);
        beans.bind("accountQueues", AccountQueues.class, queues);

        BatchFilling filling = new BatchFilling();
        filling.setBatchSize(batchSize);
        beans.bind("batchFilling", BatchFilling.class, filling);

        // REST callers waiting for CleverTap's answer (Prefer: wait)
        WaitingRequests waiting = new WaitingRequests();
        beans.bind("waitingRequests", WaitingRequests.class, waiting);

        Batches batches = new Batches();
        batches.setWaitingRequests(waiting);
        beans.bind("batches", Batches.class, batches);
        beans.bind("awaitSettlement", AwaitSettlement.class, new AwaitSettlement());

        AwaitRequestSettlement awaitRequest = new AwaitRequestSettlement();
        awaitRequest.setWaitingRequests(waiting);
        beans.bind("awaitRequestSettlement", AwaitRequestSettlement.class, awaitRequest);
    }
}
