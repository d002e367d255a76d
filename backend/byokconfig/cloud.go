package byokconfig

import (
	"fmt"

	"github.com/kodusbyok/studio/backend/bedrock"
	"github.com/kodusbyok/studio/backend/catalog"
	"github.com/kodusbyok/studio/backend/kodusline"
	"github.com/kodusbyok/studio/backend/secrets"
)

// awsFields are an Amazon Bedrock slot's region and secrets in Kodus's
// field names (libs/llm/providers/bedrock/index.ts settingsSchema). With
// the keys, the secrets of the slot's auth kind; without, the same fields
// empty: Kodus keeps a stored secret for an empty one, and the empty
// fields still say which auth the credential uses.
type awsFields struct {
	region string
	AWSSecrets
}

func bedrockFields(in Slot, withKeys bool) awsFields {
	s := in.Slot
	f := awsFields{region: bedrock.Region(s.AWSRegion)}
	empty := func() *string { e := ""; return &e }
	val := func(v string) *string { return &v }
	c, isIAM := secrets.ParseAWSCredentials(in.Key.Reveal())
	switch {
	case withKeys && isIAM:
		f.AWSAccessKeyID, f.AWSSecretAccessKey = val(c.AccessKeyID), val(c.SecretAccessKey)
		if c.SessionToken != "" {
			f.AWSSessionToken = val(c.SessionToken)
		}
	case withKeys && !in.Key.Empty():
		f.AWSBearerToken = val(in.Key.Reveal())
	case s.AWSAuth == bedrock.AuthIAM:
		f.AWSAccessKeyID, f.AWSSecretAccessKey = empty(), empty()
	default:
		f.AWSBearerToken = empty()
	}
	return f
}

// cloudNotes say what the export of a Bedrock or Azure slot leaves to the
// user: a Bedrock endpoint override Kodus has no field for, a stored
// Bedrock API key that would win over new IAM keys.
func cloudWarnings(line *kodusline.Line, in Slot) []Warning {
	s := in.Slot
	var out []Warning
	if s.Provider == catalog.AmazonBedrock && s.BaseURL != "" {
		out = append(out, Warning{Slot: in.Role, Code: "bedrock-endpoint",
			Message: fmt.Sprintf("%s has no base URL for Amazon Bedrock: it always calls %s, so the endpoint override %s (used by this app's tests) is left out", line.Name, bedrock.RuntimeHost(bedrock.Region(s.AWSRegion)), s.BaseURL),
			Fix:     "Remove the base URL from the slot unless it points at a local stand-in or a proxy you use only for testing."})
	}
	return out
}

func cloudNotes(in Slot, withKeys bool) []string {
	s := in.Slot
	if s.Provider != catalog.AmazonBedrock {
		return nil
	}
	var notes []string
	if !withKeys {
		fields := "awsBearerToken"
		if s.AWSAuth == bedrock.AuthIAM {
			fields = "awsAccessKeyId and awsSecretAccessKey"
		}
		notes = append(notes, fmt.Sprintf("%s: Amazon Bedrock's auth (%s) is carried by %s left empty, which Kodus reads as \"keep the stored secret\"", in.Role, bedrock.AuthLabel(s.AWSAuth), fields))
	}
	if s.AWSAuth == bedrock.AuthIAM {
		notes = append(notes, fmt.Sprintf("%s: Kodus uses a Bedrock API key before IAM keys and keeps a stored secret it is not sent: if this credential held an API key in Kodus, delete the credential there before applying IAM keys", in.Role))
	}
	return notes
}
