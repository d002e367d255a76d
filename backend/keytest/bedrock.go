package keytest

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/kodusbyok/studio/backend/bedrock"
	"github.com/kodusbyok/studio/backend/secrets"
)

// Amazon Bedrock's key test is read-only: IAM keys are proved by STS
// GetCallerIdentity (signed for "sts"), then the control plane is asked
// about the model (GetInferenceProfile for a profile id,
// GetFoundationModel, GetFoundationModelAvailability), which says whether
// the model exists in the region and whether the account may call it. A
// Bedrock API key is proved by the same control-plane calls (STS does not
// take it). Nothing is generated and nothing is billed.
//
// https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html
// https://docs.aws.amazon.com/bedrock/latest/APIReference/API_GetFoundationModelAvailability.html
// https://docs.aws.amazon.com/bedrock/latest/APIReference/API_GetInferenceProfile.html

// bedrockBase is the runtime endpoint of a slot: its override, or the
// region's bedrock-runtime host.
func bedrockBase(s Settings) (string, error) {
	if o := strings.TrimRight(s.BaseURL, "/"); o != "" {
		u, err := url.Parse(o)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return "", errBadBaseURL(o)
		}
		return o, nil
	}
	region := bedrock.Region(s.AWSRegion)
	if !bedrock.ValidRegion(region) {
		return "", fmt.Errorf("%q is not an AWS region (e.g. us-east-1, eu-central-1)", region)
	}
	return "https://" + bedrock.RuntimeHost(region), nil
}

// bedrockEndpoints are the control plane and STS of the slot: with an
// override every Bedrock request goes to it (a proxy or a stand-in).
func bedrockEndpoints(s Settings) (control, sts string) {
	if o := strings.TrimRight(s.BaseURL, "/"); o != "" {
		return o, o
	}
	region := bedrock.Region(s.AWSRegion)
	return "https://" + bedrock.ControlHost(region), "https://" + bedrock.STSHost(region)
}

// bedrock is the read-only Bedrock test.
func (r *run) bedrock(ctx context.Context) Result {
	region := bedrock.Region(r.s.AWSRegion)
	model, _ := bedrock.RepairModelID(r.s.Model, region)
	k := readAWSKey(r.key)
	if res, stop := r.bedrockOffline(k, region, model); stop {
		return res
	}
	who := ""
	if k.isIAM {
		arn, res, ok := r.stsIdentity(ctx, k.iam, region)
		if !ok {
			return res
		}
		who = arn
	}
	res := r.bedrockModel(ctx, model, region)
	if who != "" && res.works() {
		res.Message = strings.TrimSuffix(res.Message, ".") + fmt.Sprintf(" (signed in as %s).", who)
	}
	return res
}

// works reports whether a result says the key works (before finish sets OK).
func (res Result) works() bool { return res.Code == CodeOK || res.Code == CodeRateLimit }

// bedrockOffline is what the key and ids tell before anything is sent:
// a short-term Bedrock API key expired or made for another region, IAM
// keys of the wrong shape, an inference profile of another geography.
func (r *run) bedrockOffline(k awsKey, region, model string) (Result, bool) {
	if !bedrock.ValidRegion(region) {
		return Result{Code: CodeBadRequest, Probe: ProbeMetadata, Message: fmt.Sprintf("%q is not an AWS region.", region),
			Hint: "Set the region, e.g. us-east-1, eu-central-1 or ap-southeast-2."}, true
	}
	if k.isIAM {
		if err := bedrock.CheckIAM(k.iam); err != nil {
			return Result{Code: CodeAuth, Probe: ProbeMetadata, Headline: "IAM keys not usable", Message: "The IAM keys cannot be used: " + err.Error() + ".",
				Hint: "Paste the access key id and secret access key again (and the session token of temporary keys)."}, true
		}
	} else if st, ok := bedrock.ParseShortTerm(k.bearer); ok {
		switch {
		case !st.Expires.IsZero() && r.t.now().After(st.Expires):
			return Result{Code: CodeAuth, Probe: ProbeMetadata, Headline: "Credentials expired",
				Message: fmt.Sprintf("This short-term Bedrock API key expired at %s.", st.Expires.UTC().Format(time.RFC3339)),
				Hint:    "Short-term keys last at most 12 hours: generate a new one, or a long-term key (ABSK…) for an unattended Kodus."}, true
		case st.Region != "" && st.Region != region:
			return Result{Code: CodeWrongRegion, Probe: ProbeMetadata,
				Message: fmt.Sprintf("This short-term Bedrock API key was generated for %s and works only there; the slot's region is %s.", st.Region, region),
				Hint:    fmt.Sprintf("Set the region to %s, or generate the key in %s.", st.Region, region)}, true
		}
	}
	if why := bedrock.GeographyMismatch(model, region); why != "" {
		f := false
		return Result{Code: CodeWrongRegion, Probe: ProbeMetadata, ModelFound: &f, Message: "Bedrock would refuse the model: " + why + ".",
			Hint: fmt.Sprintf("Use the %s. profile of the model, or the global. one, or set a region of the profile's geography.", bedrock.GeographyPrefix(region))}, true
	}
	return Result{}, false
}

// stsIdentity proves IAM keys with GetCallerIdentity, which needs no
// permission: it answers only whether AWS accepts the keys.
func (r *run) stsIdentity(ctx context.Context, c secrets.AWSCredentials, region string) (string, Result, bool) {
	_, sts := bedrockEndpoints(r.s)
	u := sts + "/"
	h := http.Header{}
	h.Set("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
	h.Set("Accept", "text/xml")
	r.sign = r.sigv4(c, "sts", region)
	defer func() { r.sign = nil }()
	rep, err := r.send(ctx, http.MethodPost, u, h, "Action=GetCallerIdentity&Version=2011-06-15", errorBodyLimit)
	if err != nil {
		return "", r.netFailure(ctx, err, u, ProbeMetadata), false
	}
	if rep.status == http.StatusOK {
		var ok struct {
			Arn string `xml:"GetCallerIdentityResult>Arn"`
		}
		if xml.Unmarshal(rep.body, &ok) == nil && ok.Arn != "" {
			return ok.Arn, Result{}, true
		}
		var j struct {
			Arn string `json:"Arn"`
		}
		if json.Unmarshal(rep.body, &j) == nil && j.Arn != "" {
			return j.Arn, Result{}, true
		}
		return "", r.answer(rep, apiError{}, CodeUnknown, "STS answered 200 without the caller's identity: this is not AWS STS (check the base URL override)."), false
	}
	e := parseAWSError(rep)
	if res, ok := r.awsAuthFailure(rep, e); ok {
		return "", res, false
	}
	if rep.status == http.StatusForbidden {
		res := r.answer(rep, e.api(), CodeAuth, "AWS STS refused the IAM keys.")
		return "", res, false
	}
	return "", r.fallback(rep, e.api(), "AWS STS"), false
}

// bedrockGet is one signed (or bearer) GET on the control plane.
func (r *run) bedrockGet(ctx context.Context, path ...string) (*reply, awsError, string, error) {
	control, _ := bedrockEndpoints(r.s)
	u := control
	for _, p := range path {
		u += "/" + url.PathEscape(p)
	}
	h := r.bedrockAuth()
	defer func() { r.sign = nil }()
	rep, err := r.send(ctx, http.MethodGet, u, h, nil, errorBodyLimit)
	if err != nil {
		return nil, awsError{}, u, err
	}
	return rep, parseAWSError(rep), u, nil
}

// bedrockModel asks the control plane whether the model (or inference
// profile) exists in the region and whether the account may call it.
func (r *run) bedrockModel(ctx context.Context, model, region string) Result {
	p := bedrock.Parse(model)
	foundation := p.Foundation
	if p.IsProfile() {
		rep, e, u, err := r.bedrockGet(ctx, "inference-profiles", model)
		if err != nil {
			return r.netFailure(ctx, err, u, ProbeMetadata)
		}
		if rep.status != http.StatusOK {
			return r.bedrockControlVerdict(rep, e, model, region, true)
		}
		var prof struct {
			Status string `json:"status"`
			Models []struct {
				ModelArn string `json:"modelArn"`
			} `json:"models"`
		}
		_ = json.Unmarshal(rep.body, &prof)
		if prof.Status != "" && prof.Status != "ACTIVE" {
			f := false
			res := r.answer(rep, apiError{}, CodeModelNotFound, fmt.Sprintf("The inference profile %s in %s is %s, not ACTIVE.", model, region, prof.Status))
			res.ModelFound = &f
			return res
		}
		for _, m := range prof.Models {
			if _, id, ok := strings.Cut(m.ModelArn, "foundation-model/"); ok {
				foundation = id
				break
			}
		}
		if p.ProfileARN && foundation == "" {
			res := r.answer(rep, apiError{}, CodeOK, fmt.Sprintf("Amazon Bedrock accepted the credentials and serves the inference profile %s in %s.", model, region))
			res.ModelFound = ptr(true)
			return res
		}
	}
	rep, e, u, err := r.bedrockGet(ctx, "foundation-models", foundation)
	if err != nil {
		return r.netFailure(ctx, err, u, ProbeMetadata)
	}
	if rep.status != http.StatusOK {
		return r.bedrockControlVerdict(rep, e, foundation, region, false)
	}
	var fm struct {
		ModelDetails struct {
			InferenceTypes []string `json:"inferenceTypesSupported"`
			Lifecycle      struct {
				Status string `json:"status"`
			} `json:"modelLifecycle"`
		} `json:"modelDetails"`
	}
	_ = json.Unmarshal(rep.body, &fm)
	var notes []string
	if fm.ModelDetails.Lifecycle.Status == "LEGACY" {
		notes = append(notes, "AWS lists the model as LEGACY: it will be retired, so plan a move to a newer one")
	}
	if !p.IsProfile() && len(fm.ModelDetails.InferenceTypes) > 0 && !slices.Contains(fm.ModelDetails.InferenceTypes, "ON_DEMAND") {
		f := false
		res := r.answer(rep, apiError{}, CodeModelNotFound, fmt.Sprintf("%s cannot be called on demand in %s, only through an inference profile.", foundation, region))
		res.ModelFound = &f
		res.Hint = fmt.Sprintf("Use the inference profile id, e.g. %s.%s or global.%s.", bedrock.GeographyPrefix(region), foundation, foundation)
		return res
	}
	return r.bedrockAvailability(ctx, foundation, model, region, notes)
}

// bedrockAvailability reads GetFoundationModelAvailability: whether the
// account has access to the model (agreement, entitlement, IAM) here.
func (r *run) bedrockAvailability(ctx context.Context, foundation, model, region string, notes []string) Result {
	rep, e, u, err := r.bedrockGet(ctx, "foundation-model-availability", foundation)
	if err != nil {
		return r.netFailure(ctx, err, u, ProbeMetadata)
	}
	if rep.status != http.StatusOK {
		return r.bedrockControlVerdict(rep, e, foundation, region, false)
	}
	var av struct {
		Agreement struct {
			Status       string `json:"status"`
			ErrorMessage string `json:"errorMessage"`
		} `json:"agreementAvailability"`
		Authorization string `json:"authorizationStatus"`
		Entitlement   string `json:"entitlementAvailability"`
		Region        string `json:"regionAvailability"`
	}
	_ = json.Unmarshal(rep.body, &av)
	no := false
	switch {
	case av.Region == "NOT_AVAILABLE":
		res := r.answer(rep, apiError{}, CodeWrongRegion, fmt.Sprintf("%s is not available in %s.", foundation, region))
		res.ModelFound = &no
		return res
	case av.Authorization == "NOT_AUTHORIZED":
		res := r.answer(rep, apiError{}, CodeModelNotEnabled, fmt.Sprintf("The credentials may not use %s in %s: an IAM policy or an organization policy does not allow it.", foundation, region))
		res.Hint = "Allow bedrock:InvokeModel on the model (and its inference profile) in the IAM policy of the user or role, then test again."
		return res
	case av.Entitlement == "NOT_AVAILABLE" || (av.Agreement.Status != "" && av.Agreement.Status != "AVAILABLE"):
		why := fmt.Sprintf("Model access to %s is not granted in %s", foundation, region)
		if av.Agreement.Status == "PENDING" {
			why += " yet: the request is pending"
		}
		if av.Agreement.ErrorMessage != "" {
			why += ": " + r.clean(av.Agreement.ErrorMessage)
		}
		return r.answer(rep, apiError{}, CodeModelNotEnabled, why+".")
	}
	res := r.answer(rep, apiError{}, CodeOK, fmt.Sprintf("Amazon Bedrock accepted the credentials, serves %s in %s and the account has access to it.", model, region))
	res.ModelFound = ptr(true)
	if len(notes) > 0 {
		res.Hint = "Kodus can use these credentials, region and model; " + strings.Join(notes, "; ") + "."
	}
	return res
}

// bedrockControlVerdict classifies a refused control-plane call. A
// permission the credentials lack (bedrock:Get… not allowed) is no verdict
// on the key: the test says so and lets it pass, as Kodus's Test did.
func (r *run) bedrockControlVerdict(rep *reply, e awsError, id, region string, profile bool) Result {
	if res, ok := r.awsAuthFailure(rep, e); ok {
		return res
	}
	no := false
	switch {
	case e.denied():
		res := r.answer(rep, e.api(), CodeOK, fmt.Sprintf("AWS accepted the credentials, but they may not read Bedrock's model catalog, so %s was not checked.", id))
		res.Hint = "The model is checked by a real call only (the settings dry run, or Kodus latest's Test); allow bedrock:GetFoundationModel, bedrock:GetFoundationModelAvailability and bedrock:GetInferenceProfile to check it here."
		return res
	case rep.status == http.StatusForbidden:
		res := r.answer(rep, e.api(), CodeAuth, "Amazon Bedrock refused the credentials.")
		return res
	case rep.status == http.StatusNotFound || e.Type == "ResourceNotFoundException" || (e.Type == "ValidationException" && e.has("identifier", "not found", "invalid")):
		what := "model"
		if profile {
			what = "inference profile"
		}
		res := r.answer(rep, e.api(), CodeModelNotFound, fmt.Sprintf("Amazon Bedrock in %s has no %s %s.", region, what, id))
		res.ModelFound = &no
		res.Hint = "Check the model id against the Bedrock console's model catalog for this region (models differ by region); Claude needs an inference profile id such as us.anthropic.…"
		return res
	}
	return r.fallback(rep, e.api(), "Amazon Bedrock")
}

// bedrockVerdict classifies the runtime's answer to a call (Converse):
// model access not granted, a model id the region does not serve, the
// credentials, then the status.
func (r *run) bedrockVerdict(rep *reply) Result {
	e := parseAWSError(rep)
	if rep.status >= 200 && rep.status < 300 {
		res := r.answer(rep, e.api(), CodeOK, fmt.Sprintf("Amazon Bedrock accepted the request for model %s.", r.s.Model))
		res.ModelFound = ptr(true)
		return res
	}
	if res, ok := r.awsAuthFailure(rep, e); ok {
		return res
	}
	region := bedrock.Region(r.s.AWSRegion)
	model, _ := bedrock.RepairModelID(r.s.Model, region)
	no := false
	switch {
	case e.Type == "AccessDeniedException" && e.has("don't have access to the model", "do not have access to the model", "model access", "marketplace", "subscription"):
		res := r.answer(rep, e.api(), CodeModelNotEnabled, fmt.Sprintf("The account has no access to %s in %s.", model, region))
		return res
	case e.denied():
		res := r.answer(rep, e.api(), CodeAuth, "The credentials work, but their IAM policy does not allow calling the model.")
		res.Headline = "Permission denied"
		res.Hint = "Allow bedrock:InvokeModel (and bedrock:InvokeModelWithResponseStream) on the model and its inference profile."
		return res
	case e.has("on-demand throughput isn"):
		res := r.answer(rep, e.api(), CodeModelNotFound, fmt.Sprintf("%s cannot be called on demand in %s, only through an inference profile.", model, region))
		res.ModelFound = &no
		res.Hint = fmt.Sprintf("Use the inference profile id, e.g. %s.%s.", bedrock.GeographyPrefix(region), bedrock.Parse(model).Foundation)
		return res
	case e.has("model identifier is invalid", "model id is invalid") || e.Type == "ResourceNotFoundException":
		code, msg := CodeModelNotFound, fmt.Sprintf("Amazon Bedrock in %s does not serve %s.", region, model)
		if why := bedrock.GeographyMismatch(model, region); why != "" || e.has("region") {
			code = CodeWrongRegion
		}
		res := r.answer(rep, e.api(), code, msg)
		res.ModelFound = &no
		return res
	case e.Type == "ThrottlingException" || e.Type == "ServiceQuotaExceededException":
		return r.answer(rep, e.api(), CodeRateLimit, "Amazon Bedrock is throttling the account right now, but it accepted the credentials.")
	case e.Type == "ModelTimeoutException":
		return r.answer(rep, e.api(), CodeTimeout, "The model did not answer in time.")
	case e.Type == "ValidationException":
		return r.answer(rep, e.api(), CodeBadRequest, "Amazon Bedrock rejected the request: "+r.clean(e.Message))
	}
	return r.fallback(rep, e.api(), "Amazon Bedrock")
}
