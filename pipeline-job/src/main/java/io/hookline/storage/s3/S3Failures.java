package io.hookline.storage.s3;

import java.io.IOException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Turns what S3 answered into a sentence an operator can act on. HEAD answers carry no error code, so the
 * status alone has to tell a missing bucket from a missing key from refused credentials.
 */
public final class S3Failures {

    private S3Failures() {}

    public static IOException io(String action, S3Location where, SdkException e) {
        return new IOException(describe(action, where, e), e);
    }

    public static String describe(String action, S3Location where, SdkException e) {
        String prefix = "cannot " + action + " " + where + ": ";
        if (e instanceof NoSuchBucketException || "NoSuchBucket".equals(code(e))) {
            return prefix + "bucket '" + where.bucket() + "' does not exist";
        }
        if (e instanceof NoSuchKeyException || "NoSuchKey".equals(code(e))) {
            return prefix + "no such object";
        }
        if (e instanceof S3Exception s3) {
            String code = code(e);
            return switch (s3.statusCode()) {
                case 403 ->
                    prefix
                            + switch (code == null ? "" : code) {
                                case "InvalidAccessKeyId" ->
                                    "the access key is not known to the store (InvalidAccessKeyId); check the credentials";
                                case "SignatureDoesNotMatch" ->
                                    "the request signature was refused (SignatureDoesNotMatch); check the secret key";
                                case "AccessDenied" ->
                                    "access denied (AccessDenied); check the credentials and the bucket policy";
                                default -> "access denied (403); check the credentials and the bucket policy";
                            };
                case 404 -> prefix + "not found (404): no such bucket or object";
                case 301 -> prefix + "the bucket is in another region (301); set the region";
                default ->
                    prefix + "S3 answered " + s3.statusCode() + (code == null ? "" : " " + code)
                            + " after " + (s3.numAttempts() == null ? 1 : s3.numAttempts()) + " attempts: "
                            + (s3.awsErrorDetails() != null
                                            && s3.awsErrorDetails().errorMessage() != null
                                    ? s3.awsErrorDetails().errorMessage()
                                    : s3.getMessage());
            };
        }
        if (e instanceof SdkClientException) {
            return prefix + "S3 could not be reached or the request could not be made: " + e.getMessage();
        }
        return prefix + e.getMessage();
    }

    private static String code(SdkException e) {
        return e instanceof S3Exception s3 && s3.awsErrorDetails() != null
                ? s3.awsErrorDetails().errorCode()
                : null;
    }
}
