package org.disassociate.clevertap.api;

import java.util.concurrent.Semaphore;

/**
 * The requests to CleverTap that may be in flight at once ({@code clevertap.max-in-flight}): CleverTap limits concurrent
 * requests per account and answers 429 beyond. Every request takes a slot, the pipeline's batches and a REST dry run's
 * alike, and gives it back when its answer has come (or none will).
 */
public class RequestSlots {

    private Semaphore slots = new Semaphore(3, true);

    public void setMaxInFlight(int maxInFlight) {
        this.slots = new Semaphore(maxInFlight, true);
    }

    public void take() throws InterruptedException {
        slots.acquire();
    }

    public void giveBack() {
        slots.release();
    }
}
