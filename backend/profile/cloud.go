package profile

import (
	"net/url"
	"strings"

	"github.com/kodusbyok/studio/backend/bedrock"
	"github.com/kodusbyok/studio/backend/catalog"
	"github.com/kodusbyok/studio/backend/lazyre"
)

// Azure deployment names: letters, digits, '.', '_' and '-'.
var deploymentRE = lazyre.New(`^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$`)

// validateCloud checks the fields of Amazon Bedrock and Azure OpenAI: the
// region and auth kind only on Bedrock, a region shaped like one, and an
// Azure resource endpoint and deployment name Kodus can route.
func validateCloud(s Slot) Errors {
	var es Errors
	if s.Provider != catalog.AmazonBedrock {
		if s.AWSRegion != "" {
			es.add("awsRegion", "applies only to provider amazon_bedrock", s.AWSRegion)
		}
		if s.AWSAuth != "" {
			es.add("awsAuth", "applies only to provider amazon_bedrock", s.AWSAuth)
		}
	}
	switch s.Provider {
	case catalog.AmazonBedrock:
		if s.AWSRegion != "" && !bedrock.ValidRegion(s.AWSRegion) {
			es.add("awsRegion", "must be an AWS region such as us-east-1, eu-central-1 or ap-southeast-2", s.AWSRegion)
		}
		if s.AWSAuth != "" && s.AWSAuth != bedrock.AuthAPIKey && s.AWSAuth != bedrock.AuthIAM {
			es.add("awsAuth", "must be apiKey (a Bedrock API key) or iam (IAM access keys)", s.AWSAuth)
		}
		if why := bedrock.GeographyMismatch(s.Model, s.AWSRegion); why != "" && s.Model != "" && (s.AWSRegion == "" || bedrock.ValidRegion(s.AWSRegion)) {
			es.add("model", why+": pick the profile of the region's geography (us., eu., apac. or global.), or change the region", s.Model)
		}
	case catalog.Azure:
		if s.BaseURL == "" {
			es.add("baseURL", "is required for Azure OpenAI: the resource endpoint, e.g. https://RESOURCE.openai.azure.com/openai", "")
		} else if rule := azureEndpointRule(s.BaseURL); rule != "" {
			es.add("baseURL", rule, s.BaseURL)
		}
		if s.Model != "" && !deploymentRE.MatchString(s.Model) {
			es.add("model", "is the Azure deployment name (letters, digits, '.', '_' or '-', as shown under Deployments), not a path or a model id with a vendor prefix", s.Model)
		}
	}
	return es
}

// azureEndpointRule: Kodus builds {baseURL}/deployments/{deployment}/…, so
// the base URL is the resource endpoint ending in /openai.
func azureEndpointRule(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return ""
	}
	path := strings.ToLower(strings.TrimRight(u.Path, "/"))
	switch {
	case strings.Contains(path, "/deployments"):
		return "is the resource endpoint without /deployments/…: Kodus appends /deployments/{deployment} itself, and the deployment name goes in the model field"
	case strings.HasSuffix(path, "/openai/v1"):
		return "ends in /openai/v1, but Kodus routes Azure by deployment ({baseURL}/deployments/{deployment}/responses): use the endpoint ending in /openai"
	}
	return ""
}

// AzureEndpoint completes an Azure resource endpoint the way Kodus needs
// it: a bare https://RESOURCE.openai.azure.com gets /openai. ok reports a
// change.
func AzureEndpoint(raw string) (string, bool) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Host == "" || strings.Trim(u.Path, "/") != "" {
		return raw, false
	}
	h := strings.ToLower(u.Hostname())
	if strings.HasSuffix(h, ".openai.azure.com") || strings.HasSuffix(h, ".cognitiveservices.azure.com") || strings.HasSuffix(h, ".services.ai.azure.com") {
		return strings.TrimRight(strings.TrimSpace(raw), "/") + "/openai", true
	}
	return raw, false
}
