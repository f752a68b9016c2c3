package io.streamlake.bench;

import java.util.OptionalLong;

/**
 * The CPU one timed run uses, read at its start and at its end: the client's and the broker's. The client is this JVM
 * ({@link #inThisJvm}: every thread of the bench's process, which runs no broker) or the child process of the run
 * ({@link #ofChild}: the CPU of the children this JVM reaped in between, so {@link #stop()} must come after the
 * child's {@link Process#waitFor()}, and no other child may be reaped meanwhile). The broker is the cluster's broker
 * process ({@link BenchCluster#brokerCpuNanos()}), when it has one the bench can read.
 */
final class RunCpu {

    /** CPU times used by one run; empty where not measured. */
    record Used(OptionalLong clientNanos, OptionalLong brokerNanos) {}

    private final BenchCluster cluster;
    private final boolean child;
    private final OptionalLong clientStart;
    private final OptionalLong brokerStart;

    private RunCpu(BenchCluster cluster, boolean child) {
        this.cluster = cluster;
        this.child = child;
        this.brokerStart = cluster.brokerCpuNanos();
        this.clientStart = client();
    }

    /** Starts reading for a run whose client is this JVM. */
    static RunCpu inThisJvm(BenchCluster cluster) {
        return new RunCpu(cluster, false);
    }

    /** Starts reading for a run whose client is one child process, started after this and reaped before stop. */
    static RunCpu ofChild(BenchCluster cluster) {
        return new RunCpu(cluster, true);
    }

    Used stop() {
        OptionalLong clientEnd = client();
        OptionalLong brokerEnd = cluster.brokerCpuNanos();
        return new Used(delta(clientStart, clientEnd), delta(brokerStart, brokerEnd));
    }

    private OptionalLong client() {
        if (child) {
            return ProcStat.reapedChildrenCpuNanos();
        }
        long nanos = CpuTime.processNanos();
        return nanos < 0 ? OptionalLong.empty() : OptionalLong.of(nanos);
    }

    static OptionalLong delta(OptionalLong start, OptionalLong end) {
        return start.isPresent() && end.isPresent() && end.getAsLong() >= start.getAsLong()
                ? OptionalLong.of(end.getAsLong() - start.getAsLong())
                : OptionalLong.empty();
    }
}
