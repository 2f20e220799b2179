/**
 * What the person on call asks of the job database and of RunPod: the runs there are ({@link RunListing}), one run
 * in full ({@link RunDetails}), abandoning a run nobody will continue ({@link RunAbandonment}), cancelling a run's
 * live jobs ({@link LiveJobCancellation}) and the endpoint's state ({@link EndpointCheck}). Spring Batch's own
 * repository and operator do the job bookkeeping; the ledger and results tables the scenes'.
 */
package com.storystudio.batch.operations;
