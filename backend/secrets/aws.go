package secrets

import (
	"encoding/json"
	"strings"
)

// AWSCredentials are IAM access keys for Amazon Bedrock. They are kept as
// one keychain item, a JSON object with Kodus's own field names, so a slot
// still has exactly one key: a Bedrock API key is the plain token, IAM
// keys are this object.
type AWSCredentials struct {
	AccessKeyID     string `json:"awsAccessKeyId"`
	SecretAccessKey string `json:"awsSecretAccessKey"`
	SessionToken    string `json:"awsSessionToken,omitempty"`
}

// JSON is the keychain form of the credentials.
func (c AWSCredentials) JSON() string {
	b, _ := json.Marshal(c) // three strings: cannot fail
	return string(b)
}

// Temporary reports whether the keys are STS credentials (ASIA…, with a
// session token): they expire.
func (c AWSCredentials) Temporary() bool {
	return c.SessionToken != "" || strings.HasPrefix(c.AccessKeyID, "ASIA")
}

// ParseAWSCredentials recognises the keychain form of IAM keys: a JSON
// object with awsAccessKeyId and awsSecretAccessKey.
func ParseAWSCredentials(key string) (AWSCredentials, bool) {
	raw := strings.TrimSpace(key)
	if !strings.HasPrefix(raw, "{") {
		return AWSCredentials{}, false
	}
	var c AWSCredentials
	if json.Unmarshal([]byte(raw), &c) != nil || c.AccessKeyID == "" || c.SecretAccessKey == "" {
		return AWSCredentials{}, false
	}
	return c, true
}

// maskAWS is the display form of IAM keys: the access key id masked like
// any key, and whether a session token goes with it.
func maskAWS(c AWSCredentials) string {
	m := "IAM access key " + Mask(c.AccessKeyID)
	if c.SessionToken != "" {
		m += " + session token"
	}
	return m
}
