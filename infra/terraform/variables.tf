variable "region" {
  description = "AWS region of the buckets, the Kafka cluster and the job."
  type        = string
  default     = "eu-west-1"
}

variable "environment" {
  description = "Name of the environment; part of every bucket name (prod, staging, ...)."
  type        = string
  default     = "prod"
}

variable "vpc_id" {
  description = "The VPC the Kafka cluster and the Kubernetes cluster share."
  type        = string
}

variable "private_subnet_ids" {
  description = "Private subnets for the Kafka brokers, one per availability zone."
  type        = list(string)
}

variable "kafka_client_cidr_blocks" {
  description = "Where Kafka clients (the Flink pods, the operators' submit hosts) connect from."
  type        = list(string)
}

variable "eks_oidc_provider_arn" {
  description = "ARN of the EKS cluster's IAM OIDC provider, for IAM roles for service accounts."
  type        = string
}

variable "eks_oidc_provider_url" {
  description = "URL of the same OIDC provider without https://, e.g. oidc.eks.eu-west-1.amazonaws.com/id/ABC."
  type        = string
}

variable "job_namespace" {
  description = "Kubernetes namespace of the FlinkDeployment."
  type        = string
  default     = "hookline"
}

variable "job_service_account" {
  description = "Kubernetes service account the Flink pods run as."
  type        = string
  default     = "hookline-job"
}

variable "clip_retention_days" {
  description = "Days rendered clips stay in S3 Standard before moving to Standard-IA."
  type        = number
  default     = 30
}

variable "checkpoint_retention_days" {
  description = "Days after which old checkpoints are deleted (savepoints are kept)."
  type        = number
  default     = 7
}
