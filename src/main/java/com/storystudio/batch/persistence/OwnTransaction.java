package com.storystudio.batch.persistence;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Transactions that commit on their own (REQUIRES_NEW), whatever step or chunk transaction is
 * around them: what a crash a second later must not roll back (a job id RunPod handed out, a
 * scaling change to undo, a lease, a heartbeat).
 */
public final class OwnTransaction {

    private OwnTransaction() {
    }

    public static TransactionTemplate template(PlatformTransactionManager transactionManager) {
        TransactionTemplate template = new TransactionTemplate(transactionManager);
        template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return template;
    }
}
