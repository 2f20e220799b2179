package com.storystudio.batch.scene;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Takes at most {@code limit} bytes of a response body, then cancels the rest: a server that ignores the range
 * and sends the whole file has its connection closed after the head, not read to the end.
 */
final class FirstBytes implements HttpResponse.BodySubscriber<byte[]> {

    private final int limit;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private Flow.Subscription subscription;

    FirstBytes(int limit) {
        this.limit = limit;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (limit == 0) {
            finish();
        }
        else {
            subscription.request(1);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        for (ByteBuffer buffer : buffers) {
            int count = Math.min(buffer.remaining(), limit - bytes.size());
            byte[] chunk = new byte[count];
            buffer.get(chunk);
            bytes.writeBytes(chunk);
        }
        if (bytes.size() >= limit) {
            finish();
        }
        else {
            subscription.request(1);
        }
    }

    @Override
    public void onError(Throwable throwable) {
        body.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
        body.complete(bytes.toByteArray());
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return body;
    }

    private void finish() {
        subscription.cancel();
        body.complete(bytes.toByteArray());
    }
}
