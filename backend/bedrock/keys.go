package bedrock

import (
	"bufio"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/kodusbyok/studio/backend/lazyre"
	"github.com/kodusbyok/studio/backend/secrets"
)

// Bedrock API key prefixes: a long-term key (a service-specific credential
// of an IAM user) starts with ABSK; a short-term key is
// "bedrock-api-key-" + a base64 SigV4-presigned URL, valid in the region
// it was made for, for at most 12 hours.
const (
	LongTermPrefix  = "ABSK"
	ShortTermPrefix = "bedrock-api-key-"
)

// IsAPIKey reports whether key is shaped like a Bedrock API key.
func IsAPIKey(key string) bool {
	return (strings.HasPrefix(key, LongTermPrefix) || strings.HasPrefix(key, ShortTermPrefix)) && len(key) > 20
}

// accessKeyRE: AKIA (long-term, an IAM user) or ASIA (temporary, STS).
var accessKeyRE = lazyre.New(`^(AKIA|ASIA)[A-Z2-7]{12,124}$`)

// IsAccessKeyID reports whether s is an AWS access key id.
func IsAccessKeyID(s string) bool { return accessKeyRE.MatchString(s) }

// ShortTerm is what a short-term Bedrock API key says about itself: the
// region it was made for and when it stops working. Nothing secret.
type ShortTerm struct {
	Region  string
	Expires time.Time
}

// ParseShortTerm reads the region and expiry out of a short-term key (the
// presigned URL's credential scope, X-Amz-Date and X-Amz-Expires).
func ParseShortTerm(key string) (ShortTerm, bool) {
	if !strings.HasPrefix(key, ShortTermPrefix) {
		return ShortTerm{}, false
	}
	raw, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(key, ShortTermPrefix))
	if err != nil {
		if raw, err = base64.RawStdEncoding.DecodeString(strings.TrimPrefix(key, ShortTermPrefix)); err != nil {
			return ShortTerm{}, false
		}
	}
	s := string(raw)
	if i := strings.Index(s, "?"); i >= 0 {
		s = s[i+1:]
	}
	q, err := url.ParseQuery(s)
	if err != nil {
		return ShortTerm{}, false
	}
	var st ShortTerm
	if parts := strings.Split(q.Get("X-Amz-Credential"), "/"); len(parts) >= 5 {
		st.Region = parts[2]
	}
	if at, err := time.Parse("20060102T150405Z", q.Get("X-Amz-Date")); err == nil {
		if secs, err := strconv.Atoi(q.Get("X-Amz-Expires")); err == nil {
			st.Expires = at.Add(time.Duration(secs) * time.Second)
		}
	}
	return st, st.Region != "" || !st.Expires.IsZero()
}

// ErrNoCredentials means the input held no IAM keys.
var ErrNoCredentials = errors.New("no IAM keys found")

// ParseIAMInput reads IAM keys as a person pipes them in: the JSON the AWS
// CLI prints (`aws configure export-credentials`, `aws sts
// get-session-token`, `aws iam create-access-key`), this app's own form,
// or two or three lines (access key id, secret access key, optional
// session token). expires is set when the JSON carries an Expiration.
func ParseIAMInput(raw string) (c secrets.AWSCredentials, expires time.Time, err error) {
	text := strings.TrimSpace(strings.TrimPrefix(raw, "\uFEFF"))
	if text == "" {
		return c, expires, ErrNoCredentials
	}
	if strings.HasPrefix(text, "{") {
		return parseIAMJSON(text)
	}
	var lines []string
	sc := bufio.NewScanner(strings.NewReader(text))
	sc.Buffer(make([]byte, 64<<10), 64<<10)
	for sc.Scan() {
		if l := strings.TrimSpace(sc.Text()); l != "" {
			lines = append(lines, l)
		}
	}
	switch {
	case len(lines) < 2:
		return c, expires, errors.New("expected the access key id and the secret access key on two lines (and an optional session token on a third), or the JSON the AWS CLI prints")
	case len(lines) > 3:
		return c, expires, fmt.Errorf("expected at most three lines (access key id, secret access key, session token), got %d", len(lines))
	}
	c.AccessKeyID, c.SecretAccessKey = lines[0], lines[1]
	if len(lines) == 3 {
		c.SessionToken = lines[2]
	}
	return c, expires, CheckIAM(c)
}

// awsCLIKeys is every JSON shape the AWS CLI prints keys in.
type awsCLIKeys struct {
	AccessKeyID     string `json:"AccessKeyId"`
	SecretAccessKey string `json:"SecretAccessKey"`
	SessionToken    string `json:"SessionToken"`
	Expiration      string `json:"Expiration"`
}

func parseIAMJSON(text string) (secrets.AWSCredentials, time.Time, error) {
	var expires time.Time
	if c, ok := secrets.ParseAWSCredentials(text); ok {
		return c, expires, CheckIAM(c)
	}
	var doc struct {
		awsCLIKeys
		Credentials *awsCLIKeys `json:"Credentials"`
		AccessKey   *awsCLIKeys `json:"AccessKey"`
	}
	if err := json.Unmarshal([]byte(text), &doc); err != nil {
		return secrets.AWSCredentials{}, expires, fmt.Errorf("the input starts with '{' but is not valid JSON: %w", err)
	}
	k := doc.awsCLIKeys
	for _, nested := range []*awsCLIKeys{doc.Credentials, doc.AccessKey} {
		if nested != nil && nested.AccessKeyID != "" {
			k = *nested
		}
	}
	if k.AccessKeyID == "" || k.SecretAccessKey == "" {
		return secrets.AWSCredentials{}, expires, fmt.Errorf("%w: the JSON has no AccessKeyId and SecretAccessKey", ErrNoCredentials)
	}
	if k.Expiration != "" {
		expires, _ = time.Parse(time.RFC3339, k.Expiration)
	}
	c := secrets.AWSCredentials{AccessKeyID: strings.TrimSpace(k.AccessKeyID), SecretAccessKey: strings.TrimSpace(k.SecretAccessKey), SessionToken: strings.TrimSpace(k.SessionToken)}
	return c, expires, CheckIAM(c)
}

// CheckIAM checks the shape of IAM keys: an AKIA/ASIA access key id, a
// 40-character secret, and a session token with ASIA keys.
func CheckIAM(c secrets.AWSCredentials) error {
	switch {
	case c.AccessKeyID == "":
		return errors.New("the access key id is missing")
	case c.SecretAccessKey == "":
		return errors.New("the secret access key is missing")
	case !IsAccessKeyID(c.AccessKeyID):
		return errors.New("the access key id is not an AWS access key id (AKIA… or ASIA…, upper-case letters and digits)")
	case IsAccessKeyID(c.SecretAccessKey):
		return errors.New("the secret access key is an access key id: the two are swapped or the same")
	case len(c.SecretAccessKey) != 40 || strings.ContainsAny(c.SecretAccessKey, " \t\r\n"):
		return errors.New("the secret access key is not 40 characters in one piece: copy it again")
	case strings.HasPrefix(c.AccessKeyID, "ASIA") && c.SessionToken == "":
		return errors.New("an ASIA… access key id is temporary and needs its session token (the third line, or SessionToken in the JSON)")
	case strings.ContainsAny(c.SessionToken, " \t\r\n"):
		return errors.New("the session token has a space or line break inside it: copy it again in one piece")
	}
	return nil
}
