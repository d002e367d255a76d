package envfile

import (
	"fmt"

	"github.com/kodusbyok/studio/backend/catalog"
	"github.com/kodusbyok/studio/backend/profile"
)

// NotFixedModeError is a provider Fixed Mode cannot carry at all: Kodus's
// .env has one key, one base URL and one model, and reaches claude- models
// through Anthropic's own API and every other model through the
// OpenAI-compatible protocol (Authorization: Bearer, /chat/completions).
type NotFixedModeError struct {
	Provider string
	Why      string
	// Instead lists what can carry the model.
	Instead []string
}

func (e *NotFixedModeError) Error() string {
	msg := fmt.Sprintf("Fixed Mode (the .env) cannot use %s: %s.", e.Provider, e.Why)
	for _, s := range e.Instead {
		msg += "\n  instead: " + s
	}
	return msg
}

// FixedModeCannot refuses Amazon Bedrock and Azure OpenAI with the reason
// and what to use instead (nil for a provider Fixed Mode can carry).
func FixedModeCannot(s profile.Slot, profileName string) error {
	byok := fmt.Sprintf("BYOK mode: export the profile with `kodus-byok byok %s --json` and save it in Kodus's BYOK settings (or apply it to a running Kodus); BYOK carries the provider, its region or endpoint, and the fallback", profileName)
	switch s.Provider {
	case catalog.AmazonBedrock:
		return &NotFixedModeError{Provider: "Amazon Bedrock",
			Why: "Kodus's .env has no variables for AWS credentials or a region, and Bedrock takes neither Anthropic's API nor the OpenAI-compatible protocol Fixed Mode speaks (it wants a Bedrock API key or SigV4-signed IAM requests on its Converse API)",
			Instead: []string{byok,
				"an OpenAI-compatible gateway in front of Bedrock (for example a LiteLLM proxy, or AWS's Bedrock Access Gateway): a profile with provider openai_compatible, the gateway's base URL and key can be exported to the .env"}}
	case catalog.Azure:
		return &NotFixedModeError{Provider: "Azure OpenAI",
			Why: "Fixed Mode's OpenAI-compatible client sends the key as Authorization: Bearer to {base URL}/chat/completions, while this slot is Kodus's azure provider: the api-key header and per-deployment URLs ({endpoint}/deployments/{deployment}/…?api-version=…), which no .env variable can express",
			Instead: []string{byok,
				"Azure's OpenAI-compatible v1 API: a profile with provider openai_compatible, base URL https://RESOURCE.openai.azure.com/openai/v1, the deployment name as the model and the resource key (Azure's v1 API takes the key in the Authorization header: https://learn.microsoft.com/en-us/azure/ai-foundry/openai/api-version-lifecycle) can be exported to the .env — test it first",
				"an OpenAI-compatible gateway in front of Azure (for example a LiteLLM proxy)"}}
	}
	return nil
}
