package cli

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"github.com/kodusbyok/studio/backend/bedrock"
	"github.com/kodusbyok/studio/backend/secrets"
)

// awsFlags are Amazon Bedrock's: the region, the auth kind, and the two
// ways to give IAM keys without a secret on the command line (other users
// can read flags in ps).
type awsFlags struct {
	region, auth      string
	iamStdin, fromEnv bool
}

const awsHelp = `Amazon Bedrock (--provider amazon_bedrock) takes a region (--aws-region, default
us-east-1) and one of two kinds of credentials, never in a flag:
  a Bedrock API key        --key-stdin (ABSK… long-term, or bedrock-api-key-… short-term)
  IAM access keys          --aws-access-key-id-stdin reads them from standard input:
                           two or three lines (access key id, secret access key,
                           optional session token), or the JSON the AWS CLI prints,
                           e.g. aws configure export-credentials --profile P | kodus-byok …
                           --aws-env reads AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and
                           AWS_SESSION_TOKEN from the environment (and AWS_REGION or
                           AWS_DEFAULT_REGION when --aws-region is not given)
Azure OpenAI (--provider azure) takes the resource endpoint as --base-url
(https://RESOURCE.openai.azure.com/openai), the deployment name as --model and the
resource key with --key-stdin.`

func addAWSFlags(fl *pflag.FlagSet, f *awsFlags) {
	fl.StringVar(&f.region, "aws-region", "", "Amazon Bedrock: the AWS region, e.g. us-east-1 (the default) or eu-central-1")
	fl.StringVar(&f.auth, "aws-auth", "", "Amazon Bedrock: api-key or iam (default: from the credentials given)")
	fl.BoolVar(&f.iamStdin, "aws-access-key-id-stdin", false, "Amazon Bedrock: read IAM keys from standard input (lines or the AWS CLI's JSON)")
	fl.BoolVar(&f.fromEnv, "aws-env", false, "Amazon Bedrock: read IAM keys from AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN")
}

// checkAWSFlags refuses two sources of one key.
func checkAWSFlags(f awsFlags, keyStdin bool, otherStdin string) error {
	n := 0
	for _, on := range []bool{f.iamStdin, f.fromEnv, keyStdin} {
		if on {
			n++
		}
	}
	if n > 1 {
		return usagef("give the credentials one way: --key-stdin (a Bedrock API key or another provider's key), --aws-access-key-id-stdin or --aws-env")
	}
	if f.iamStdin && otherStdin != "" {
		return usagef("--aws-access-key-id-stdin and %s both want standard input; give the JSON as a file", otherStdin)
	}
	return nil
}

// readIAMKeys reads IAM keys from standard input or the environment, as
// the keychain form of the slot's key; notes say when they expire.
func readIAMKeys(a *app, f awsFlags) (key string, notes []string, err error) {
	var c secrets.AWSCredentials
	var expires time.Time
	if f.fromEnv {
		c = secrets.AWSCredentials{AccessKeyID: strings.TrimSpace(a.env.Getenv("AWS_ACCESS_KEY_ID")),
			SecretAccessKey: strings.TrimSpace(a.env.Getenv("AWS_SECRET_ACCESS_KEY")), SessionToken: strings.TrimSpace(a.env.Getenv("AWS_SESSION_TOKEN"))}
		if c.AccessKeyID == "" || c.SecretAccessKey == "" {
			return "", nil, usagef("--aws-env: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY must both be set (with AWS_SESSION_TOKEN for temporary keys)")
		}
		if err := bedrock.CheckIAM(c); err != nil {
			return "", nil, usagef("--aws-env: %v", err)
		}
	} else {
		raw, err := readIAMStdin(a)
		if err != nil {
			return "", nil, err
		}
		if c, expires, err = bedrock.ParseIAMInput(raw); err != nil {
			return "", nil, usagef("--aws-access-key-id-stdin: %v", err)
		}
	}
	if c.Temporary() {
		when := "when their session ends"
		if !expires.IsZero() {
			when = "at " + expires.UTC().Format(time.RFC3339)
		}
		notes = append(notes, "these are temporary IAM keys (a session token): they expire "+when+", and so will Kodus's access; use long-term keys or a Bedrock API key for an unattended Kodus")
	}
	return c.JSON(), notes, nil
}

func readIAMStdin(a *app) (string, error) {
	if f, ok := a.env.Stdin.(*os.File); ok && isTerminal(f) && a.env.TTYPrompt != nil {
		id, err := a.env.TTYPrompt("AWS access key id")
		if err != nil {
			return "", err
		}
		secret, err := a.env.TTYPrompt("AWS secret access key (input hidden)")
		if err != nil {
			return "", err
		}
		token, err := a.env.TTYPrompt("AWS session token (empty for long-term keys)")
		if err != nil {
			return "", err
		}
		return strings.Join([]string{id, secret, token}, "\n"), nil
	}
	data, err := io.ReadAll(io.LimitReader(a.env.Stdin, maxKeyBytes+1))
	if err != nil {
		return "", fmt.Errorf("read IAM keys from standard input: %w", err)
	}
	if len(data) > maxKeyBytes {
		return "", usagef("--aws-access-key-id-stdin: standard input is larger than %d KB; that is not a set of keys", maxKeyBytes>>10)
	}
	if strings.TrimSpace(string(data)) == "" {
		return "", usagef("--aws-access-key-id-stdin: standard input was empty; pipe the keys in, e.g. `aws configure export-credentials --profile P | kodus-byok profile set …`")
	}
	return string(data), nil
}

// awsRegionFromEnv is the region --aws-env brings along.
func awsRegionFromEnv(a *app) string {
	if r := strings.TrimSpace(a.env.Getenv("AWS_REGION")); r != "" {
		return r
	}
	return strings.TrimSpace(a.env.Getenv("AWS_DEFAULT_REGION"))
}
