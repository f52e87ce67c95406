package org.disassociate.clevertap.intake;

import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.disassociate.clevertap.api.DisassociateResponse;
import org.disassociate.clevertap.api.UnprocessedRecords;
import org.disassociate.clevertap.batching.Batch;
import org.disassociate.clevertap.errors.ErrorRecords;
import org.disassociate.clevertap.validation.CheckedNumbers;

/** Starts the dry run of a REST request, and gathers CleverTap's answer to each of its batches. */
public class RestDryRuns {

    private int batchSize = 1000;
    private UnprocessedRecords unprocessedRecords;
    private ErrorRecords errorRecords;

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    public void setUnprocessedRecords(UnprocessedRecords unprocessedRecords) {
        this.unprocessedRecords = unprocessedRecords;
    }

    public void setErrorRecords(ErrorRecords errorRecords) {
        this.errorRecords = errorRecords;
    }

    /** The request's valid numbers, in batches of at most {@code clevertap.batch-size}. */
    public DryRunRequest start(@Body CheckedNumbers checked) {
        return new DryRunRequest(checked, batchSize);
    }

    public void answered(@ExchangeProperty("dryRunRequest") DryRunRequest request, @ExchangeProperty("batch") Batch batch,
            @Body DisassociateResponse response) {
        request.answered(batch, response, unprocessedRecords.of(batch, response));
    }

    public void failed(@ExchangeProperty("dryRunRequest") DryRunRequest request, @ExchangeProperty("batch") Batch batch,
            @ExchangeProperty("CamelExceptionCaught") Exception cause) {
        request.failed(errorRecords.failedBatch(batch, cause));
    }
}
