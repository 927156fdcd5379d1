terraform {
  required_version = ">= 1.6"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.70"
    }
    kafka = {
      source  = "Mongey/kafka"
      version = "~> 0.8"
    }
  }
}

provider "aws" {
  region = var.region

  default_tags {
    tags = {
      project     = "hookline"
      environment = var.environment
    }
  }
}

# Topics are created through the brokers' TLS listener, so apply from a host inside the VPC (or over a VPN).
provider "kafka" {
  bootstrap_servers = split(",", aws_msk_cluster.hookline.bootstrap_brokers_tls)
  tls_enabled       = true
}
