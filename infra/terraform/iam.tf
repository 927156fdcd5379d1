# The job's role, assumed by the Flink pods' service account (IAM roles for service accounts).

data "aws_iam_policy_document" "job_trust" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = [var.eks_oidc_provider_arn]
    }

    condition {
      test     = "StringEquals"
      variable = "${var.eks_oidc_provider_url}:sub"
      values   = ["system:serviceaccount:${var.job_namespace}:${var.job_service_account}"]
    }

    condition {
      test     = "StringEquals"
      variable = "${var.eks_oidc_provider_url}:aud"
      values   = ["sts.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "job" {
  name               = "hookline-job-${var.environment}"
  assume_role_policy = data.aws_iam_policy_document.job_trust.json
}

data "aws_iam_policy_document" "job" {
  # Video: read only, by ranges through presigned URLs signed with this role.
  statement {
    sid       = "ReadMatchVideo"
    actions   = ["s3:GetObject"]
    resources = ["${aws_s3_bucket.media.arn}/*"]
  }

  # Clips and manifests: written once per key, read back to skip identical rewrites.
  statement {
    sid     = "WriteClips"
    actions = [
      "s3:GetObject",
      "s3:PutObject",
      "s3:AbortMultipartUpload",
      "s3:ListMultipartUploadParts",
    ]
    resources = ["${aws_s3_bucket.clips.arn}/*"]
  }

  # Flink's checkpoints, savepoints and HA metadata.
  statement {
    sid     = "FlinkState"
    actions = [
      "s3:GetObject",
      "s3:PutObject",
      "s3:DeleteObject",
      "s3:AbortMultipartUpload",
    ]
    resources = ["${aws_s3_bucket.state.arn}/*"]
  }

  statement {
    sid       = "ListBuckets"
    actions   = ["s3:ListBucket", "s3:GetBucketLocation"]
    resources = [
      aws_s3_bucket.media.arn,
      aws_s3_bucket.clips.arn,
      aws_s3_bucket.state.arn,
    ]
  }
}

resource "aws_iam_role_policy" "job" {
  name   = "hookline-job"
  role   = aws_iam_role.job.id
  policy = data.aws_iam_policy_document.job.json
}
