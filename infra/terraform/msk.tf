# Kafka for live feeds: an MSK cluster reached over TLS from inside the VPC.

resource "aws_security_group" "kafka" {
  name        = "hookline-kafka-${var.environment}"
  description = "Kafka brokers of Hookline"
  vpc_id      = var.vpc_id

  ingress {
    description = "Kafka over TLS"
    from_port   = 9094
    to_port     = 9094
    protocol    = "tcp"
    cidr_blocks = var.kafka_client_cidr_blocks
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_msk_configuration" "hookline" {
  name           = "hookline-${var.environment}"
  kafka_versions = ["3.9.x"]

  # Flink's exactly-once sink keeps a transaction open for up to hookline.kafka.transaction-timeout.
  server_properties = <<-PROPERTIES
    auto.create.topics.enable=false
    default.replication.factor=3
    min.insync.replicas=2
    transaction.max.timeout.ms=900000
  PROPERTIES
}

resource "aws_msk_cluster" "hookline" {
  cluster_name           = "hookline-${var.environment}"
  kafka_version          = "3.9.x"
  number_of_broker_nodes = length(var.private_subnet_ids)

  broker_node_group_info {
    instance_type   = "kafka.m7g.large"
    client_subnets  = var.private_subnet_ids
    security_groups = [aws_security_group.kafka.id]

    storage_info {
      ebs_storage_info {
        volume_size = 100
      }
    }
  }

  configuration_info {
    arn      = aws_msk_configuration.hookline.arn
    revision = aws_msk_configuration.hookline.latest_revision
  }

  client_authentication {
    unauthenticated = true
  }

  encryption_info {
    encryption_in_transit {
      client_broker = "TLS"
      in_cluster    = true
    }
  }
}
