package studio

import (
	"fmt"

	"github.com/kodusbyok/studio/backend/bedrock"
	"github.com/kodusbyok/studio/backend/catalog"
	"github.com/kodusbyok/studio/backend/profile"
	"github.com/kodusbyok/studio/backend/secrets"
)

// prepareCloud fills in what Kodus would assume for Amazon Bedrock and
// Azure OpenAI, and says so: Bedrock's default region, and the /openai of
// a bare Azure resource endpoint.
func prepareCloud(cfg profile.Slot, notices []string) (profile.Slot, []string) {
	switch cfg.Provider {
	case catalog.AmazonBedrock:
		if cfg.AWSRegion == "" {
			cfg.AWSRegion = bedrock.DefaultRegion
			notices = append(notices, "region not set: "+bedrock.DefaultRegion+", the region Kodus uses by default")
		}
		if id, ok := bedrock.RepairModelID(cfg.Model, cfg.AWSRegion); ok {
			notices = append(notices, fmt.Sprintf("Kodus calls Claude on Bedrock through an inference profile: it sends %s for %s (on-demand calls of a bare anthropic.* id are refused by AWS)", id, cfg.Model))
		}
	case catalog.Azure:
		if u, ok := profile.AzureEndpoint(cfg.BaseURL); ok {
			notices = append(notices, fmt.Sprintf("base URL %s completed to %s: Kodus appends /deployments/{deployment} to the resource endpoint ending in /openai", cfg.BaseURL, u))
			cfg.BaseURL = u
		}
	}
	return cfg, notices
}

// cloudKey settles a Bedrock slot's auth kind from its key and checks that
// the key is of that kind: IAM keys are a JSON object in the keychain, a
// Bedrock API key is the token itself.
func cloudKey(slot, old profile.Slot, hadOld bool, key secrets.Secret) (profile.Slot, error) {
	if slot.Provider != catalog.AmazonBedrock {
		return slot, nil
	}
	creds, isIAM := secrets.ParseAWSCredentials(key.Reveal())
	if slot.AWSAuth == "" {
		switch {
		case !key.Empty() && isIAM:
			slot.AWSAuth = bedrock.AuthIAM
		case key.Empty() && hadOld && old.Provider == slot.Provider && old.AWSAuth != "":
			slot.AWSAuth = old.AWSAuth
		default:
			slot.AWSAuth = bedrock.AuthAPIKey
		}
	}
	if key.Empty() {
		return slot, nil
	}
	return slot, CheckBedrockKey(slot.AWSAuth, key.Reveal(), creds, isIAM)
}

// CheckBedrockKey refuses a key of the other auth kind, or IAM keys of the
// wrong shape, before anything is stored.
func CheckBedrockKey(auth, key string, creds secrets.AWSCredentials, isIAM bool) error {
	switch {
	case auth == bedrock.AuthIAM && !isIAM:
		if bedrock.IsAccessKeyID(key) {
			return &profile.FieldError{Field: "apiKey", Rule: "is only the access key id: IAM auth needs the secret access key too (--aws-access-key-id-stdin reads both)"}
		}
		return &profile.FieldError{Field: "apiKey", Rule: "is not IAM access keys: give the access key id and secret access key (--aws-access-key-id-stdin), or choose the Bedrock API key auth"}
	case auth == bedrock.AuthIAM:
		if err := bedrock.CheckIAM(creds); err != nil {
			return &profile.FieldError{Field: "apiKey", Rule: err.Error()}
		}
	case isIAM:
		return &profile.FieldError{Field: "apiKey", Rule: "holds IAM access keys, but the slot's auth is a Bedrock API key: choose IAM auth (--aws-auth iam)"}
	case bedrock.IsAccessKeyID(key):
		return &profile.FieldError{Field: "apiKey", Rule: "is an AWS access key id, not a Bedrock API key: use IAM auth and give the secret access key with it (--aws-access-key-id-stdin)"}
	}
	return nil
}
