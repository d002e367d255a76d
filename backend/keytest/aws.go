package keytest

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"net/http"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"

	"github.com/kodusbyok/studio/backend/bedrock"
	"github.com/kodusbyok/studio/backend/secrets"
)

// Amazon Bedrock authenticates a request with a Bedrock API key (bearer
// token) or with IAM keys, which sign every request with AWS Signature
// Version 4. Signing is the AWS SDK for Go v2's own signer, not a copy of
// its algorithm; only its small signer package is linked, not a service
// client.

// awsKey is a Bedrock slot's key, read by its shape: IAM keys are a JSON
// object in the keychain, anything else is a Bedrock API key.
type awsKey struct {
	iam    secrets.AWSCredentials
	isIAM  bool
	bearer string
}

func readAWSKey(key secrets.Secret) awsKey {
	if c, ok := secrets.ParseAWSCredentials(key.Reveal()); ok {
		return awsKey{iam: c, isIAM: true}
	}
	return awsKey{bearer: key.Reveal()}
}

// sigv4 signs requests with the IAM keys for service in region. The
// payload hash is over the exact bytes sent.
func (r *run) sigv4(c secrets.AWSCredentials, service, region string) func(*http.Request, []byte) error {
	creds := aws.Credentials{AccessKeyID: c.AccessKeyID, SecretAccessKey: c.SecretAccessKey, SessionToken: c.SessionToken, Source: "Kodus BYOK Studio keychain"}
	return func(req *http.Request, body []byte) error {
		sum := sha256.Sum256(body)
		return v4.NewSigner().SignHTTP(req.Context(), creds, req, hex.EncodeToString(sum[:]), service, region, r.t.now())
	}
}

// bedrockAuth prepares the run to authenticate to Bedrock (service
// "bedrock", which serves the control plane and the runtime): a bearer
// header, or SigV4 signing.
func (r *run) bedrockAuth() http.Header {
	k := readAWSKey(r.key)
	h := http.Header{}
	if k.isIAM {
		r.sign = r.sigv4(k.iam, "bedrock", bedrock.Region(r.s.AWSRegion))
		return h
	}
	r.sign = nil
	h.Set("Authorization", "Bearer "+k.bearer)
	return h
}

// awsError is an AWS error answer: the JSON of Bedrock's REST APIs
// ({"message"} with the type in x-amzn-ErrorType or __type) or the XML of
// STS (<ErrorResponse><Error><Code>…).
type awsError struct {
	Type    string
	Message string
}

func parseAWSError(rep *reply) awsError {
	var e awsError
	e.Type = rep.header.Get("x-amzn-ErrorType")
	var j map[string]any
	if json.Unmarshal(rep.body, &j) == nil {
		e.Message = firstOf(str(j["message"]), str(j["Message"]))
		if e.Type == "" {
			e.Type = firstOf(str(j["__type"]), str(j["code"]), str(j["Code"]))
		}
	} else {
		var x struct {
			Code    string `xml:"Error>Code"`
			Message string `xml:"Error>Message"`
		}
		if xml.Unmarshal(rep.body, &x) == nil {
			e.Type, e.Message = firstOf(e.Type, x.Code), x.Message
		}
	}
	// "AccessDeniedException:http://internal.amazon.com/…" and
	// "com.amazon.coral.service#AccessDeniedException" name the same type.
	e.Type, _, _ = strings.Cut(e.Type, ":")
	if i := strings.LastIndex(e.Type, "#"); i >= 0 {
		e.Type = e.Type[i+1:]
	}
	return e
}

func (e awsError) has(words ...string) bool {
	m := strings.ToLower(e.Message)
	for _, w := range words {
		if strings.Contains(m, strings.ToLower(w)) {
			return true
		}
	}
	return false
}

// api is the awsError in the shape the shared result helpers take.
func (e awsError) api() apiError { return apiError{Message: e.Message, Type: e.Type} }

// awsAuthFailure classifies an answer that refuses the credentials
// themselves: expired temporary keys, an unknown key, a wrong secret, a
// Bedrock API key AWS does not accept. ok is false for anything else.
func (r *run) awsAuthFailure(rep *reply, e awsError) (Result, bool) {
	var res Result
	switch {
	case e.has("scoped to a valid region"):
		res = r.answer(rep, e.api(), CodeWrongRegion, fmt.Sprintf("AWS refused a request signed for %s: the endpoint belongs to another region.", bedrock.Region(r.s.AWSRegion)))
		res.Hint = "Set the slot's region to the region of the endpoint (with a base URL override, the region the proxy or stand-in serves)."
	case e.has("signature expired"):
		res = r.answer(rep, e.api(), CodeAuth, "AWS refused the request as signed too long ago: this machine's clock is off.")
		res.Hint = "Set the system clock right (SigV4 allows 5 minutes of difference), then test again."
	case e.Type == "ExpiredToken" || e.Type == "ExpiredTokenException" || e.has("security token included in the request is expired", "token has expired", "api key has expired"):
		res = r.answer(rep, e.api(), CodeAuth, "AWS says the credentials have expired.")
		res.Headline = "Credentials expired"
		res.Hint = "Temporary IAM keys (ASIA… with a session token) and short-term Bedrock API keys expire: get fresh ones (aws configure export-credentials | kodus-byok profile set … --aws-access-key-id-stdin), or use long-term keys."
	case e.Type == "InvalidClientTokenId" || e.Type == "UnrecognizedClientException":
		res = r.answer(rep, e.api(), CodeAuth, "AWS does not know this access key id: it was deleted, deactivated, or mistyped.")
		res.Hint = "Copy the access key id again, or create a new access key for the IAM user."
	case e.Type == "SignatureDoesNotMatch" || e.Type == "InvalidSignatureException":
		res = r.answer(rep, e.api(), CodeAuth, "AWS refused the signature: the secret access key does not belong to the access key id.")
		res.Hint = "Copy the secret access key again, in one piece, with the access key id it was issued with."
	case e.has("authentication failed", "api key is valid", "invalid api key", "bearer token"):
		res = r.answer(rep, e.api(), CodeAuth, "Amazon Bedrock rejected this Bedrock API key.")
		res.Hint = "Generate a new Bedrock API key in the Bedrock console (API keys) or copy it again without spaces or line breaks."
	default:
		return Result{}, false
	}
	return res, true
}

// denied reports an AccessDenied answer about a permission (an IAM policy
// that does not allow the action): the credentials themselves work.
func (e awsError) denied() bool {
	return (e.Type == "AccessDeniedException" || e.Type == "AccessDenied") && e.has("not authorized to perform", "explicit deny", "no identity-based policy", "service control policy")
}

// bedrockAuthPreview is the credential header of a Bedrock call with the
// secrets replaced: a bearer token, or the shape of a SigV4 signature.
func bedrockAuthPreview(s Settings, key secrets.Secret) http.Header {
	h := http.Header{}
	c, isIAM := secrets.ParseAWSCredentials(key.Reveal())
	if !isIAM && s.AWSAuth != bedrock.AuthIAM {
		h.Set("Authorization", "Bearer [redacted]")
		return h
	}
	region := bedrock.Region(s.AWSRegion)
	h.Set("Authorization", "AWS4-HMAC-SHA256 Credential=[access key id]/[date]/"+region+"/bedrock/aws4_request, SignedHeaders=[the headers sent], Signature=[computed when sent]")
	h.Set("X-Amz-Date", "[time of sending]")
	if c.SessionToken != "" || (!isIAM && s.AWSAuth == bedrock.AuthIAM) {
		h.Set("X-Amz-Security-Token", "[redacted, with temporary keys]")
	}
	return h
}
