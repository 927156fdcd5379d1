output "job_role_arn" {
  description = "Annotate the job's service account with it: eks.amazonaws.com/role-arn."
  value       = aws_iam_role.job.arn
}

output "kafka_bootstrap_brokers_tls" {
  description = "The job's --bootstrap (with --hookline.kafka.properties.security.protocol SSL)."
  value       = aws_msk_cluster.hookline.bootstrap_brokers_tls
}

output "buckets" {
  description = "Video in, clips out, Flink state."
  value       = {
    media = aws_s3_bucket.media.bucket
    clips = aws_s3_bucket.clips.bucket
    state = aws_s3_bucket.state.bucket
  }
}
