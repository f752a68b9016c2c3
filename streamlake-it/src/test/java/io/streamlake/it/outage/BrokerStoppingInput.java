package io.streamlake.it.outage;

import java.io.InputStream;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Standard input for {@code produce --file -} that stops the cluster partway: it hands out the first
 * {@code stopAfter} bytes' worth of lines, then - on the next read - waits until {@code acknowledged} reports that
 * many lines minus one on RAW (or a timeout passes), runs {@code stop}, and hands out the rest.
 */
final class BrokerStoppingInput extends InputStream {

    private final byte[] bytes;
    private final int stopAt;
    private final long acknowledgedBeforeStop;
    private final LongSupplier acknowledged;
    private final Runnable stop;
    private int position;
    private boolean stopped;

    BrokerStoppingInput(
            byte[] bytes, int stopAt, long acknowledgedBeforeStop, LongSupplier acknowledged, Runnable stop) {
        this.bytes = bytes;
        this.stopAt = stopAt;
        this.acknowledgedBeforeStop = acknowledgedBeforeStop;
        this.acknowledged = acknowledged;
        this.stop = stop;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (position >= bytes.length) {
            return -1;
        }
        if (position == stopAt && !stopped) {
            stopWhenAcknowledged();
        }
        int limit = position < stopAt ? stopAt : bytes.length;
        int n = Math.min(len, limit - position);
        System.arraycopy(bytes, position, b, off, n);
        position += n;
        return n;
    }

    private void stopWhenAcknowledged() {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (acknowledged.getAsLong() < acknowledgedBeforeStop && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        stop.run();
        stopped = true;
    }
}
