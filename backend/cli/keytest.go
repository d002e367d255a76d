package cli

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/kodusbyok/studio/backend/keytest"
	"github.com/kodusbyok/studio/backend/profile"
	"github.com/kodusbyok/studio/backend/studio"
)

type testFlags struct {
	slot, provider, model, baseURL, plan, vertexLocation, timeout string
	keyStdin, asJSON                                              bool
	aws                                                           awsFlags
}

func testCmd(a *app) *cobra.Command {
	var f testFlags
	cmd := &cobra.Command{
		Use:   "test NAME | test --provider P --model M [flags]",
		Short: "Prove a key, its endpoint and its model with one cheap call per provider",
		Long: `Prove a key, its endpoint and its model.

  kodus-byok test NAME [--slot main|fallback|all] [--timeout D] [--json]
      tests a saved profile (Main and Fallback at the same time by default);
  kodus-byok test --provider P --model M [--base-url URL] [--plan ID] [--key-stdin] [--timeout D] [--json]
      tests settings without saving them; the key comes from standard input.

The test follows the Kodus line (kodus line show):

  current    as Kodus latest's Test: the slot's temperature and thinking are checked
             against the model's rules first (a setting Kodus refuses is bad_request,
             and nothing is sent), then one real call with the slot's settings, of a
             few output tokens, is made and classified; a GLM or Kimi key refused the
             way a key of the other plan is gets one more call on that plan
  mid-2026   one metadata call where the provider has one; Z.ai and Kimi Code have
             none, so the test sends one request of at most 1 output token

What will be sent is said on standard error first. Redirects are never followed,
nothing is retried, and the whole test stops after --timeout (default 15s).

--json prints one JSON object per tested slot, one per line:
{"slot","ok","code","httpStatus","latencyMs","modelFound","message","hint",…}.
Exit status 0 when every tested slot is ok (a rate limit counts: the key
works), 1 otherwise, 2 for bad usage. Codes: ok, auth, not_found, model_not_found,
model_not_enabled (Bedrock model access not granted), wrong_region, wrong_plan,
bad_request, payment, rate_limit, server_error, timeout, network, unknown.

Amazon Bedrock is checked read-only first (STS for IAM keys, then the control plane:
the model or inference profile in the region and the account's access to it); on the
current line the slot's call (Converse) follows. Azure OpenAI is checked with its
models list first. --base-url on Amazon Bedrock sends every request (runtime, control
plane, STS) to that origin instead of AWS: for a proxy or a local stand-in.

` + awsHelp,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 1 {
				return usagef("test takes one profile NAME (got %d arguments)", len(args))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			timeout, err := parseTimeout(f.timeout)
			if err != nil {
				return err
			}
			changed := cmd.Flags().Changed
			if len(args) == 1 {
				for _, fl := range []string{"provider", "model", "base-url", "plan", "key-stdin", "vertex-location", "aws-region", "aws-auth", "aws-access-key-id-stdin", "aws-env"} {
					if changed(fl) {
						return usagef("--%s tests unsaved settings; give either a profile NAME or --provider and --model", fl)
					}
				}
				return runTestSaved(a, args[0], f, timeout)
			}
			if changed("slot") && f.slot == "all" {
				return usagef("--slot all needs a profile NAME")
			}
			return runTestUnsaved(a, f, timeout)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.slot, "slot", "", "main, fallback or all (default: all for a profile, main otherwise)")
	fl.StringVar(&f.timeout, "timeout", "15s", "total time for the test, e.g. 15s, 1m or 30")
	fl.BoolVar(&f.asJSON, "json", false, "print one JSON object per slot, one per line")
	fl.StringVar(&f.provider, "provider", "", "provider id of the settings to test (instead of a profile NAME)")
	fl.StringVar(&f.model, "model", "", "model id")
	fl.StringVar(&f.baseURL, "base-url", "", "endpoint override, with its version segment (e.g. http://localhost:11434/v1)")
	fl.StringVar(&f.plan, "plan", "", "plan of GLM/Kimi (current: developer, coding-plan, code-plan; mid-2026: paas, coding-plan, moonshot, kimi-code)")
	fl.StringVar(&f.vertexLocation, "vertex-location", "", "Vertex region, e.g. us-central1 (default global)")
	fl.BoolVar(&f.keyStdin, "key-stdin", false, "read the API key from standard input")
	addAWSFlags(fl, &f.aws)
	a.lineFlag(cmd)
	return cmd
}

func parseTimeout(raw string) (time.Duration, error) {
	raw = strings.TrimSpace(raw)
	d, err := time.ParseDuration(raw)
	if err != nil {
		secs, serr := strconv.Atoi(raw)
		if serr != nil {
			return 0, usagef("--timeout must be a duration such as 15s or 1m (got %q)", raw)
		}
		d = time.Duration(secs) * time.Second
	}
	ms := int((d + time.Millisecond - 1) / time.Millisecond)
	if d <= 0 {
		ms = -1 // 0 is the default in a request; a typed 0 is out of range
	}
	if err := (studio.TestSlotRequest{TimeoutMs: ms}).Validate(); err != nil {
		return 0, flagUsage(err, map[string]string{"timeoutMs": fmt.Sprintf("%q", raw)})
	}
	return d, nil
}

func runTestSaved(a *app, name string, f testFlags, timeout time.Duration) error {
	s, p, err := a.openProfile(name)
	if err != nil {
		return err
	}
	var slots []string
	switch f.slot {
	case "", "all":
		slots = []string{profile.SlotMain}
		if p.Fallback != nil {
			slots = append(slots, profile.SlotFallback)
		}
	case profile.SlotMain, profile.SlotFallback:
		slots = []string{f.slot}
	default:
		return usagef("--slot must be main, fallback or all (got %q)", f.slot)
	}
	for _, sl := range slots {
		if cfg, ok := p.Slot(sl); ok {
			if note := s.KeyTests().DescribeTest(studio.InputFromSlot(cfg), "").Note; note != "" {
				a.note("note (%s): %s", sl, note)
			}
		}
	}
	results, err := s.KeyTests().TestSaved(a.ctx, name, slots, timeout)
	if err != nil {
		return err
	}
	return printResults(a, results, f.asJSON)
}

func runTestUnsaved(a *app, f testFlags, timeout time.Duration) error {
	provider, model := strings.TrimSpace(f.provider), strings.TrimSpace(f.model)
	if provider == "" || model == "" {
		return usagef("test needs a profile NAME, or --provider and --model for unsaved settings; see kodus-byok test --help")
	}
	slotName := f.slot
	if slotName == "" {
		slotName = profile.SlotMain
	}
	if err := profile.ValidateSlotName(slotName); err != nil {
		return err
	}
	s, err := a.open()
	if err != nil {
		return err
	}
	cfg := profile.Slot{Settings: profile.Settings{Provider: provider, Model: model, Plan: f.plan}}
	if m, ok := s.Lines().Catalog().Model(model); ok && m.Provider == provider {
		if cfg, err = s.Profiles().Draft(m.ID, f.plan); err != nil {
			return err
		}
	}
	if f.baseURL != "" {
		cfg.BaseURL = f.baseURL
	}
	cfg.VertexLocation = f.vertexLocation
	if err := checkAWSFlags(f.aws, f.keyStdin, ""); err != nil {
		return err
	}
	cfg.AWSRegion, cfg.AWSAuth = f.aws.region, f.aws.auth
	if f.aws.fromEnv && cfg.AWSRegion == "" {
		cfg.AWSRegion = awsRegionFromEnv(a)
	}
	key := ""
	switch {
	case f.keyStdin:
		if key, err = readKey(a); err != nil {
			return err
		}
	case f.aws.iamStdin || f.aws.fromEnv:
		var notes []string
		if key, notes, err = readIAMKeys(a, f.aws); err != nil {
			return err
		}
		cfg.AWSAuth = "iam"
		for _, n := range notes {
			a.note("note: %s", n)
		}
	}
	in := studio.InputFromSlot(cfg)
	if note := s.KeyTests().DescribeTest(in, key).Note; note != "" {
		a.note("note: %s", note)
	}
	out, err := s.KeyTests().TestSettings(a.ctx, studio.TestSlotRequest{Slot: slotName, Config: in, APIKey: key, TimeoutMs: int(timeout / time.Millisecond)})
	if err != nil {
		return err
	}
	if len(out.FieldErrors) > 0 {
		fes := make(profile.Errors, len(out.FieldErrors))
		for i := range out.FieldErrors {
			fes[i] = &out.FieldErrors[i]
		}
		return withKeyStdin(fes)
	}
	for _, n := range out.Notices {
		a.note("note: %s", n)
	}
	return printResults(a, []keytest.Result{*out.Result}, f.asJSON)
}

// printResults prints every result, then fails with exit 1 unless all are ok.
func printResults(a *app, results []keytest.Result, asJSON bool) error {
	allOK := true
	for i, r := range results {
		allOK = allOK && r.OK
		if asJSON {
			b, err := json.Marshal(r)
			if err != nil {
				return err
			}
			fmt.Fprintf(a.out(), "%s\n", b)
			continue
		}
		if i > 0 {
			fmt.Fprintln(a.out())
		}
		printResult(a, r)
	}
	if !allOK {
		return &ExitError{Code: ExitFailure}
	}
	return nil
}

// printResult shows a result the way Kodus users know it.
func printResult(a *app, r keytest.Result) {
	w := a.out()
	status := ""
	if r.HTTPStatus != 0 {
		status = fmt.Sprintf(" · HTTP %d", r.HTTPStatus)
	}
	switch r.Code {
	case keytest.CodeOK:
		fmt.Fprintf(w, "%s: OK   Connection OK — provider responded in %d ms%s\n", r.Slot, r.LatencyMs, status)
	case keytest.CodeRateLimit:
		fmt.Fprintf(w, "%s: WARN %s%s\n", r.Slot, r.Headline, status)
	default:
		fmt.Fprintf(w, "%s: FAIL %s%s\n", r.Slot, r.Headline, status)
	}
	fmt.Fprintf(w, "  %s\n", r.Message)
	if r.ProviderMessage != "" {
		fmt.Fprintf(w, "  Provider said: %s\n", r.ProviderMessage)
	}
	if r.Code != keytest.CodeOK {
		fmt.Fprintf(w, "  hint: %s\n", r.Hint)
	}
	if r.Endpoint != "" {
		fmt.Fprintf(w, "  tested: %s (%s)\n", r.Endpoint, r.Probe)
	}
}
