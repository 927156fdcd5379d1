# The job's topics. Both are keyed by match id, so one match's records stay in order on one partition.

resource "kafka_topic" "events" {
  name               = "hookline.events"
  partitions         = 12
  replication_factor = 3

  config = {
    "retention.ms"        = "604800000"
    "min.insync.replicas" = "2"
  }
}

resource "kafka_topic" "clips" {
  name               = "hookline.clips"
  partitions         = 12
  replication_factor = 3

  config = {
    "retention.ms"        = "2592000000"
    "min.insync.replicas" = "2"
  }
}
