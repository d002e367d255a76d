// Package cloudtest runs local stand-ins for Amazon Bedrock (control
// plane, runtime and STS on one origin) and Azure OpenAI, answering as
// AWS and Azure document, failure cases included, so tests of the key
// test, the dry run and the command line never reach AWS or Azure. The
// Bedrock stand-in checks SigV4 signatures for real: it signs the request
// it received again with the secret it knows (the AWS SDK's signer) and
// compares.
package cloudtest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
)

// Model is a foundation model the Bedrock stand-in serves.
type Model struct {
	// OnDemand: callable by its bare id (Claude is not: profiles only).
	OnDemand bool
	// NotEnabled: model access is not granted to the account.
	NotEnabled bool
	// NotInRegion: the model is not offered in the stand-in's region.
	NotInRegion bool
}

// Bedrock is the Amazon Bedrock stand-in.
type Bedrock struct {
	*httptest.Server
	Region string
	// IAM keys it accepts; ExpiredSession makes the session token expired.
	AccessKeyID, SecretAccessKey, SessionToken string
	ExpiredSession                             bool
	// APIKey is the Bedrock API key it accepts.
	APIKey string
	// DenyControlPlane: the credentials may not read the model catalog.
	DenyControlPlane bool
	Models           map[string]Model
	// Profiles maps inference profile ids to foundation model ids.
	Profiles map[string]string

	mu       sync.Mutex
	requests []string
	bodies   map[string][]byte
}

// NewBedrock starts a Bedrock stand-in for region with Claude Sonnet 4.6
// (through us. and global. profiles) and Amazon Nova Pro (on demand).
func NewBedrock(region string) *Bedrock {
	b := &Bedrock{Region: region, AccessKeyID: "AKIAIOSFODNN7EXAMPLE", SecretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
		APIKey: "ABSKQmVkcm9ja0FQSUtleS1leGFtcGxlLWF0LTEyMzQ1Njc4OTAxMjpzZWNyZXQ=",
		Models: map[string]Model{
			"anthropic.claude-sonnet-4-6": {},
			"anthropic.claude-opus-4-7":   {NotEnabled: true},
			"amazon.nova-pro-v1:0":        {OnDemand: true},
		},
		Profiles: map[string]string{
			"us.anthropic.claude-sonnet-4-6":     "anthropic.claude-sonnet-4-6",
			"global.anthropic.claude-sonnet-4-6": "anthropic.claude-sonnet-4-6",
			"us.anthropic.claude-opus-4-7":       "anthropic.claude-opus-4-7",
		},
		bodies: map[string][]byte{},
	}
	b.Server = httptest.NewServer(http.HandlerFunc(b.serve))
	return b
}

// Requests lists "METHOD path (auth)" of every request, in order.
func (b *Bedrock) Requests() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.requests...)
}

// Body is the last body received on a path.
func (b *Bedrock) Body(path string) []byte {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.bodies[path]
}

func awsErr(w http.ResponseWriter, status int, typ, msg string) {
	w.Header().Set("x-amzn-ErrorType", typ+":http://internal.amazon.com/coral/com.amazon.coral.service/")
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]string{"message": msg})
}

func stsErr(w http.ResponseWriter, status int, code, msg string) {
	w.Header().Set("Content-Type", "text/xml")
	w.WriteHeader(status)
	fmt.Fprintf(w, `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>%s</Code><Message>%s</Message></Error><RequestId>4ba3d4a0</RequestId></ErrorResponse>`, code, msg)
}

func (b *Bedrock) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	isSTS := r.Method == http.MethodPost && r.URL.Path == "/"
	auth, problem := b.authenticate(r, body, isSTS)
	b.mu.Lock()
	b.requests = append(b.requests, r.Method+" "+r.URL.EscapedPath()+" ("+auth+")")
	b.bodies[r.URL.Path] = body
	b.mu.Unlock()
	if problem != nil {
		if isSTS {
			stsErr(w, http.StatusForbidden, problem.stsCode, problem.msg)
		} else {
			awsErr(w, http.StatusForbidden, problem.typ, problem.msg)
		}
		return
	}
	switch {
	case isSTS:
		form, _ := url.ParseQuery(string(body))
		if form.Get("Action") != "GetCallerIdentity" {
			stsErr(w, http.StatusBadRequest, "InvalidAction", "Could not find operation "+form.Get("Action"))
			return
		}
		w.Header().Set("Content-Type", "text/xml")
		fmt.Fprint(w, `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Arn>arn:aws:iam::123456789012:user/kodus-reviews</Arn><UserId>AIDAEXAMPLE</UserId><Account>123456789012</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>01234567</RequestId></ResponseMetadata></GetCallerIdentityResponse>`)
	case r.Method == http.MethodGet && strings.HasPrefix(r.URL.Path, "/"):
		b.control(w, r)
	case r.Method == http.MethodPost && strings.HasPrefix(r.URL.Path, "/model/") && strings.HasSuffix(r.URL.Path, "/converse"):
		b.converse(w, r, body)
	default:
		awsErr(w, http.StatusNotFound, "UnknownOperationException", "Unknown operation")
	}
}

type authProblem struct{ typ, stsCode, msg string }

// authenticate checks a bearer token or a SigV4 signature; it returns how
// the request authenticated ("bearer", "sigv4 <service>").
func (b *Bedrock) authenticate(r *http.Request, body []byte, isSTS bool) (string, *authProblem) {
	h := r.Header.Get("Authorization")
	if tok, ok := strings.CutPrefix(h, "Bearer "); ok {
		if isSTS || tok != b.APIKey {
			return "bearer", &authProblem{"AccessDeniedException", "InvalidClientTokenId", "Authentication failed: Please make sure your API Key is valid."}
		}
		return "bearer", nil
	}
	cred, signed, sig, ok := parseSigV4(h)
	if !ok {
		return "none", &authProblem{"MissingAuthenticationTokenException", "MissingAuthenticationToken", "Missing Authentication Token"}
	}
	parts := strings.Split(cred, "/")
	if len(parts) != 5 {
		return "sigv4", &authProblem{"IncompleteSignatureException", "IncompleteSignature", "Credential is malformed"}
	}
	kind := "sigv4 " + parts[3]
	want := "bedrock"
	if isSTS {
		want = "sts"
	}
	switch {
	case parts[0] != b.AccessKeyID:
		return kind, &authProblem{"UnrecognizedClientException", "InvalidClientTokenId", "The security token included in the request is invalid."}
	case parts[2] != b.Region:
		return kind, &authProblem{"InvalidSignatureException", "SignatureDoesNotMatch", fmt.Sprintf("Credential should be scoped to a valid region, not '%s'.", parts[2])}
	case parts[3] != want:
		return kind, &authProblem{"InvalidSignatureException", "SignatureDoesNotMatch", fmt.Sprintf("Credential should be scoped to correct service: '%s'.", want)}
	case b.SessionToken != "" && r.Header.Get("X-Amz-Security-Token") != b.SessionToken:
		return kind, &authProblem{"UnrecognizedClientException", "InvalidClientTokenId", "The security token included in the request is invalid."}
	case b.ExpiredSession:
		return kind, &authProblem{"ExpiredTokenException", "ExpiredToken", "The security token included in the request is expired"}
	}
	if !b.verify(r, body, signed, sig, parts[2], parts[3]) {
		return kind, &authProblem{"InvalidSignatureException", "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method."}
	}
	return kind, nil
}

func parseSigV4(h string) (cred string, signed []string, sig string, ok bool) {
	rest, found := strings.CutPrefix(h, "AWS4-HMAC-SHA256 ")
	if !found {
		return "", nil, "", false
	}
	for _, f := range strings.Split(rest, ",") {
		k, v, _ := strings.Cut(strings.TrimSpace(f), "=")
		switch k {
		case "Credential":
			cred = v
		case "SignedHeaders":
			signed = strings.Split(v, ";")
		case "Signature":
			sig = v
		}
	}
	return cred, signed, sig, cred != "" && sig != ""
}

// verify signs the received request again with the known secret.
func (b *Bedrock) verify(r *http.Request, body []byte, signed []string, sig, region, service string) bool {
	at, err := time.Parse("20060102T150405Z", r.Header.Get("X-Amz-Date"))
	if err != nil {
		return false
	}
	req, _ := http.NewRequestWithContext(context.Background(), r.Method, "http://"+r.Host+r.URL.RequestURI(), strings.NewReader(string(body)))
	req.ContentLength = r.ContentLength
	for _, name := range signed {
		if name == "host" || name == "content-length" {
			continue
		}
		req.Header[http.CanonicalHeaderKey(name)] = r.Header.Values(name)
	}
	sum := sha256.Sum256(body)
	creds := aws.Credentials{AccessKeyID: b.AccessKeyID, SecretAccessKey: b.SecretAccessKey, SessionToken: r.Header.Get("X-Amz-Security-Token")}
	if err := v4.NewSigner().SignHTTP(context.Background(), creds, req, hex.EncodeToString(sum[:]), service, region, at); err != nil {
		return false
	}
	_, _, again, _ := parseSigV4(req.Header.Get("Authorization"))
	return again == sig
}

func (b *Bedrock) control(w http.ResponseWriter, r *http.Request) {
	if b.DenyControlPlane {
		awsErr(w, http.StatusForbidden, "AccessDeniedException", "User: arn:aws:iam::123456789012:user/kodus-reviews is not authorized to perform: bedrock:GetFoundationModel because no identity-based policy allows the bedrock:GetFoundationModel action")
		return
	}
	kind, id, _ := strings.Cut(strings.TrimPrefix(r.URL.Path, "/"), "/")
	w.Header().Set("Content-Type", "application/json")
	switch kind {
	case "inference-profiles":
		f, ok := b.Profiles[id]
		if !ok {
			awsErr(w, http.StatusNotFound, "ResourceNotFoundException", "The specified inference profile couldn't be found.")
			return
		}
		_ = json.NewEncoder(w).Encode(map[string]any{"inferenceProfileId": id, "status": "ACTIVE", "type": "SYSTEM_DEFINED",
			"models": []any{map[string]any{"modelArn": "arn:aws:bedrock:" + b.Region + "::foundation-model/" + f}}})
	case "foundation-models":
		m, ok := b.Models[id]
		if !ok || m.NotInRegion {
			awsErr(w, http.StatusNotFound, "ResourceNotFoundException", "Could not resolve the foundation model from the provided model identifier.")
			return
		}
		types := []string{"INFERENCE_PROFILE"}
		if m.OnDemand {
			types = []string{"ON_DEMAND"}
		}
		_ = json.NewEncoder(w).Encode(map[string]any{"modelDetails": map[string]any{"modelId": id, "inferenceTypesSupported": types, "modelLifecycle": map[string]any{"status": "ACTIVE"}}})
	case "foundation-model-availability":
		m, ok := b.Models[id]
		if !ok {
			awsErr(w, http.StatusNotFound, "ResourceNotFoundException", "Model not found.")
			return
		}
		avail := func(yes bool) string {
			if yes {
				return "AVAILABLE"
			}
			return "NOT_AVAILABLE"
		}
		_ = json.NewEncoder(w).Encode(map[string]any{"modelId": id, "agreementAvailability": map[string]any{"status": avail(!m.NotEnabled)},
			"authorizationStatus": "AUTHORIZED", "entitlementAvailability": avail(!m.NotEnabled), "regionAvailability": avail(!m.NotInRegion)})
	default:
		awsErr(w, http.StatusNotFound, "UnknownOperationException", "Unknown operation")
	}
}

func (b *Bedrock) converse(w http.ResponseWriter, r *http.Request, body []byte) {
	raw := strings.TrimSuffix(strings.TrimPrefix(r.URL.EscapedPath(), "/model/"), "/converse")
	id, _ := url.PathUnescape(raw)
	foundation, isProfile := b.Profiles[id]
	if !isProfile {
		foundation = id
	}
	m, ok := b.Models[foundation]
	switch {
	case !ok || m.NotInRegion:
		awsErr(w, http.StatusBadRequest, "ValidationException", "The provided model identifier is invalid.")
		return
	case !isProfile && !m.OnDemand:
		awsErr(w, http.StatusBadRequest, "ValidationException", fmt.Sprintf("Invocation of model ID %s with on-demand throughput isn’t supported. Retry your request with the ID or ARN of an inference profile that contains this model.", id))
		return
	case m.NotEnabled:
		awsErr(w, http.StatusForbidden, "AccessDeniedException", "You don't have access to the model with the specified model ID.")
		return
	}
	var req struct {
		Messages []any `json:"messages"`
	}
	if json.Unmarshal(body, &req) != nil || len(req.Messages) == 0 {
		awsErr(w, http.StatusBadRequest, "ValidationException", "1 validation error detected: Value null at 'messages' failed to satisfy constraint: Member must not be null")
		return
	}
	w.Header().Set("Content-Type", "application/json")
	fmt.Fprint(w, `{"output":{"message":{"role":"assistant","content":[{"text":"OK"}]}},"stopReason":"end_turn","usage":{"inputTokens":12,"outputTokens":2,"totalTokens":14},"metrics":{"latencyMs":210}}`)
}
