package io.watchkeeper.web.code;

import io.watchkeeper.core.code.CodeReviewStore;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.InvalidInputException;
import java.util.Optional;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes a verified delivery: what it asks for is queued in the database (any node may do it), the
 * delivery recorded in the same transaction so a redelivery queues nothing; deliveries that ask for
 * nothing (other events, other actions) write nothing.
 */
public final class WebhookIntake {

    /** What became of a delivery. */
    public enum Outcome { QUEUED, DUPLICATE, IGNORED }

    private final CodeReviewStore store;
    private final TransactionTemplate tx;
    private final Runnable nudge;

    public WebhookIntake(CodeReviewStore store, PlatformTransactionManager transactions, Runnable nudge) {
        this.store = store;
        this.tx = new TransactionTemplate(transactions);
        this.nudge = nudge;
    }

    public Outcome accept(String deliveryId, String event, byte[] body) {
        if (deliveryId == null || !deliveryId.matches("[A-Za-z0-9-]{1,100}")) {
            throw new InvalidInputException("missing or invalid X-GitHub-Delivery");
        }
        if (event == null || !event.matches("[a-z_]{1,60}")) {
            throw new InvalidInputException("missing or invalid X-GitHub-Event");
        }
        Optional<WebhookEvent> work = WebhookEvent.parse(event, body);
        if (work.isEmpty()) {
            return Outcome.IGNORED;
        }
        Boolean queued = tx.execute(status -> {
            if (!store.recordDelivery(deliveryId, event)) {
                return false;
            }
            store.enqueue(deliveryId, work.get().kind(), Json.write(work.get()));
            return true;
        });
        if (Boolean.TRUE.equals(queued)) {
            nudge.run();
            return Outcome.QUEUED;
        }
        return Outcome.DUPLICATE;
    }
}
