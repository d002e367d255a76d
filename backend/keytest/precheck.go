package keytest

import (
	"context"
	"strings"

	"github.com/kodusbyok/studio/backend/bedrock"
	"github.com/kodusbyok/studio/backend/secrets"
)

// precheck is the read-only check the cloud providers get before a call
// Kodus makes is sent: Bedrock's STS and control-plane check (the model
// exists in the region, the account has access to it), Azure's models
// list (the key and the endpoint). A failure stops the test there, with
// its own words (model access, wrong region, expired keys), and nothing
// billed is sent.
func (t *Tester) precheck(ctx context.Context, s Settings, key secrets.Secret) (Result, bool) {
	s = trimSettings(s)
	fam := t.family(s)
	if fam != famBedrock && fam != famAzure {
		return Result{}, false
	}
	ctx, cancel := context.WithTimeout(ctx, t.timeout())
	defer cancel()
	r := &run{t: t, s: s, key: key, hc: t.client(), redact: redactions(key)}
	base, err := t.baseURL(s)
	if err != nil {
		return Result{Code: CodeBadRequest, Message: err.Error(), Hint: baseURLHint(fam)}, true
	}
	r.base = base
	if key.Empty() {
		return Result{Code: CodeAuth, Message: "There is no key to test: paste the key first.", Hint: "Paste the key (it is stored only in your OS keychain)."}, true
	}
	var res Result
	if fam == famAzure {
		var ok bool
		if res, ok = r.azureModels(ctx); ok {
			return Result{}, false
		}
		return res, true
	}
	res = r.bedrock(ctx)
	return res, !res.works()
}

// PrecheckRequests lists what precheck sends, for Describe.
func (t *Tester) PrecheckRequests(s Settings, key secrets.Secret) []string {
	s = trimSettings(s)
	switch t.family(s) {
	case famAzure:
		base, _ := t.baseURL(s)
		return []string{"GET " + strings.TrimRight(base, "/") + "/models?api-version=" + AzureModelsVersion + " (the key and the endpoint, read-only)"}
	case famBedrock:
		region := bedrock.Region(s.AWSRegion)
		model, _ := bedrock.RepairModelID(s.Model, region)
		control, sts := bedrockEndpoints(s)
		var out []string
		if _, isIAM := secrets.ParseAWSCredentials(key.Reveal()); isIAM || (key.Empty() && s.AWSAuth == bedrock.AuthIAM) {
			out = append(out, "POST "+sts+"/ Action=GetCallerIdentity (STS: the IAM keys, read-only)")
		}
		p := bedrock.Parse(model)
		if p.IsProfile() {
			out = append(out, "GET "+control+"/inference-profiles/"+model)
		}
		return append(out, "GET "+control+"/foundation-models/"+p.Foundation, "GET "+control+"/foundation-model-availability/"+p.Foundation+" (model access in the region, read-only)")
	}
	return nil
}
