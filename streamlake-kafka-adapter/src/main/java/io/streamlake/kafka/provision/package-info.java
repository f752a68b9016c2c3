/**
 * Provisioning and cluster checks: {@link io.streamlake.kafka.provision.TopicProvisioner} creates a dataset's RAW
 * and DLQ topics and reports them ({@link io.streamlake.kafka.provision.ProvisioningResult},
 * {@link io.streamlake.kafka.provision.TopicStatus}); {@link io.streamlake.kafka.provision.ClusterCheck} fails fast
 * when the cluster does not answer.
 */
package io.streamlake.kafka.provision;
