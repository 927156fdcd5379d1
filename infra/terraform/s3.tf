# Three buckets: match video in, clips out, and Flink's own state (checkpoints, savepoints, HA metadata).

resource "aws_s3_bucket" "media" {
  bucket = "hookline-media-${var.environment}"
}

resource "aws_s3_bucket" "clips" {
  bucket = "hookline-clips-${var.environment}"
}

resource "aws_s3_bucket" "state" {
  bucket = "hookline-state-${var.environment}"
}

resource "aws_s3_bucket_public_access_block" "all" {
  for_each = {
    media = aws_s3_bucket.media.id
    clips = aws_s3_bucket.clips.id
    state = aws_s3_bucket.state.id
  }

  bucket                  = each.value
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_server_side_encryption_configuration" "all" {
  for_each = {
    media = aws_s3_bucket.media.id
    clips = aws_s3_bucket.clips.id
    state = aws_s3_bucket.state.id
  }

  bucket = each.value

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "media" {
  bucket = aws_s3_bucket.media.id

  rule {
    id     = "abort-incomplete-uploads"
    status = "Enabled"

    filter {}

    abort_incomplete_multipart_upload {
      days_after_initiation = 1
    }
  }

  rule {
    id     = "archive-old-matches"
    status = "Enabled"

    filter {
      prefix = "matches/"
    }

    transition {
      days          = 90
      storage_class = "GLACIER_IR"
    }
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "clips" {
  bucket = aws_s3_bucket.clips.id

  # A crashed render leaves its multipart upload behind; the job aborts what it can, this cleans the rest.
  rule {
    id     = "abort-incomplete-uploads"
    status = "Enabled"

    filter {}

    abort_incomplete_multipart_upload {
      days_after_initiation = 1
    }
  }

  rule {
    id     = "clips-to-infrequent-access"
    status = "Enabled"

    filter {
      prefix = "clips/"
    }

    transition {
      days          = var.clip_retention_days
      storage_class = "STANDARD_IA"
    }
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "state" {
  bucket = aws_s3_bucket.state.id

  rule {
    id     = "expire-old-checkpoints"
    status = "Enabled"

    filter {
      prefix = "checkpoints/"
    }

    expiration {
      days = var.checkpoint_retention_days
    }
  }

  rule {
    id     = "abort-incomplete-uploads"
    status = "Enabled"

    filter {}

    abort_incomplete_multipart_upload {
      days_after_initiation = 1
    }
  }
}
