package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kodusbyok/studio/backend/bedrock"
	"github.com/kodusbyok/studio/backend/capped"
	"github.com/kodusbyok/studio/backend/catalog"
	"github.com/kodusbyok/studio/backend/profile"
	"github.com/kodusbyok/studio/backend/store"
	"github.com/kodusbyok/studio/backend/studio"
	"github.com/kodusbyok/studio/backend/thinking"
)

// maxKeyBytes bounds what --key-stdin reads: a service-account JSON is a
// few KB; anything far bigger is a mistake (a file piped by accident).
const maxKeyBytes = 64 << 10

type setFlags struct {
	slot, provider, model, plan, baseURL      string
	temperature, maxOut, maxIn, maxConcurrent string
	thinking, thinkingJSON, vertexLocation    string
	openrouterOrder, openrouterAllowFallbacks string
	keyStdin, asJSON                          bool
	aws                                       awsFlags
}

func profileSetCmd(a *app) *cobra.Command {
	var f setFlags
	cmd := &cobra.Command{
		Use:   "set NAME --provider P --model M [flags]",
		Short: "Create or update one slot of a profile; the key is read from standard input only",
		Long: `Create or update one slot of a profile.

A new slot starts from the catalog's defaults for the model (and plan); an
existing slot with the same provider and model keeps its settings, and only
the flags given change. An empty value (--max-concurrent=) clears a setting.
The key is read from standard input with --key-stdin, never from a flag
(other users can read flags in ps). Without a new key the stored key is kept
when the provider is unchanged.

` + awsHelp,
		Args: argsExactly(1, "a profile NAME"),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runProfileSet(a, cmd, args[0], f)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.slot, "slot", profile.SlotMain, "slot to set: main or fallback")
	fl.StringVar(&f.provider, "provider", "", "provider id: openai, anthropic, google_gemini, google_vertex, open_router, novita, openai_compatible, amazon_bedrock, azure (and the Kodus line's others)")
	fl.StringVar(&f.model, "model", "", "model id, e.g. claude-sonnet-4-6")
	fl.StringVar(&f.plan, "plan", "", "plan of GLM/Kimi (current: developer, coding-plan, code-plan; mid-2026: paas, coding-plan, moonshot, kimi-code)")
	fl.StringVar(&f.baseURL, "base-url", "", "endpoint override (required for openai_compatible)")
	fl.StringVar(&f.temperature, "temperature", "", "temperature 0-2")
	fl.StringVar(&f.maxOut, "max-output-tokens", "", "max output tokens (whole number ≥ 0)")
	fl.StringVar(&f.maxIn, "max-input-tokens", "", "max input tokens (whole number ≥ 0)")
	fl.StringVar(&f.maxConcurrent, "max-concurrent", "", "max concurrent requests (whole number ≥ 0)")
	fl.StringVar(&f.thinking, "thinking", "", "reasoning: off, low, medium, high or custom")
	fl.StringVar(&f.thinkingJSON, "thinking-json", "", "file with the Custom reasoning JSON (- for standard input)")
	fl.StringVar(&f.openrouterOrder, "openrouter-order", "", "OpenRouter upstreams to pin, comma-separated")
	fl.StringVar(&f.openrouterAllowFallbacks, "openrouter-allow-fallbacks", "", "OpenRouter: true or false")
	fl.StringVar(&f.vertexLocation, "vertex-location", "", "Vertex region, e.g. us-central1 or global")
	fl.BoolVar(&f.keyStdin, "key-stdin", false, "read the API key from standard input")
	fl.BoolVar(&f.asJSON, "json", false, "print the saved profile as JSON")
	addAWSFlags(fl, &f.aws)
	return cmd
}

func runProfileSet(a *app, cmd *cobra.Command, name string, f setFlags) error {
	changed := cmd.Flags().Changed
	if !changed("provider") || strings.TrimSpace(f.provider) == "" {
		return usagef("--provider is required (one of openai, anthropic, google_gemini, google_vertex, open_router, novita, openai_compatible, amazon_bedrock, azure, or `kodus-byok catalog` for the Kodus line's others)")
	}
	if !changed("model") || strings.TrimSpace(f.model) == "" {
		return usagef("--model is required")
	}
	if f.keyStdin && f.thinkingJSON == "-" {
		return usagef("--key-stdin and --thinking-json - both want standard input; give the JSON as a file")
	}
	stdinJSON := ""
	if f.thinkingJSON == "-" {
		stdinJSON = "--thinking-json -"
	}
	if err := checkAWSFlags(f.aws, f.keyStdin, stdinJSON); err != nil {
		return err
	}
	s, err := a.open()
	if err != nil {
		return err
	}
	slot, err := baseSlot(s, name, f)
	if err != nil {
		return err
	}
	if err := applySetFlags(a, changed, f, &slot); err != nil {
		fes := profile.AsFieldErrors(err)
		if fes == nil {
			return err
		}
		// Report every broken field at once, not only those that did not parse.
		_, _, verr := s.Profiles().PrepareSlot(slot)
		for _, fe := range profile.AsFieldErrors(verr) {
			if !hasField(fes, fe.Field) {
				fes = append(fes, fe)
			}
		}
		return fes
	}
	key, keyNotes, err := readSetKey(a, f)
	if err != nil {
		return err
	}
	res, err := s.Profiles().Save(a.ctx, studio.SaveRequest{Profile: name, Slot: f.slot, Config: slot, Key: key})
	if errors.Is(err, studio.ErrNoMain) {
		return fmt.Errorf("%w (--slot main)", err)
	}
	if fes := profile.AsFieldErrors(err); fes != nil {
		return withKeyStdin(fes)
	}
	if err != nil {
		return err
	}
	if key != nil && !f.aws.iamStdin && !f.aws.fromEnv {
		warnKeyShape(a, *key, slot, s.Lines().Catalog())
	}
	for _, n := range append(keyNotes, res.Notices...) {
		a.note("note: %s", n)
	}
	if f.asJSON {
		return a.printJSON(res.Profile)
	}
	v := res.Profile.Main
	if f.slot == profile.SlotFallback && res.Profile.Fallback != nil {
		v = *res.Profile.Fallback
	}
	fmt.Fprintf(a.out(), "saved %s (%s): %s on %s, key %s\n", name, f.slot, v.ModelName, v.ProviderName, keyText(v))
	return nil
}

// readSetKey reads the key the flags say to read (standard input, or the
// AWS IAM keys), or nil to keep the stored one.
func readSetKey(a *app, f setFlags) (*string, []string, error) {
	switch {
	case f.keyStdin:
		k, err := readKey(a)
		if err != nil {
			return nil, nil, err
		}
		return &k, nil, nil
	case f.aws.iamStdin || f.aws.fromEnv:
		k, notes, err := readIAMKeys(a, f.aws)
		if err != nil {
			return nil, nil, err
		}
		return &k, notes, nil
	}
	return nil, nil, nil
}

// baseSlot is what `profile set` starts from: the stored slot when provider
// and model are unchanged, else the catalog defaults, else a bare slot.
func baseSlot(s *studio.Studio, name string, f setFlags) (profile.Slot, error) {
	provider, model := strings.TrimSpace(f.provider), strings.TrimSpace(f.model)
	if m, ok := s.Lines().Catalog().Model(model); ok && m.Provider == provider {
		model = m.ID
	}
	if p, err := s.Profiles().Stored(name); err == nil {
		cur, ok := p.Slot(f.slot)
		if ok && cur.Provider == provider && (cur.Model == model || cur.Model == f.model) {
			if f.plan != "" && f.plan != cur.Plan {
				cur.Plan, cur.BaseURL, cur.MaxConcurrentRequests = f.plan, "", nil
			}
			return cur, nil
		}
		if ok && cur.Provider == provider && (provider == catalog.AmazonBedrock || provider == catalog.Azure) {
			// Another model (deployment) of the same cloud account: the
			// endpoint, region and auth stay, and so does the key.
			return profile.Slot{Settings: profile.Settings{Provider: provider, Model: model, BaseURL: cur.BaseURL, AWSRegion: cur.AWSRegion, AWSAuth: cur.AWSAuth}}, nil
		}
	} else if !errors.Is(err, store.ErrNotFound) {
		return profile.Slot{}, err
	}
	if m, ok := s.Lines().Catalog().Model(model); ok && m.Provider == provider {
		d, err := s.Profiles().Draft(m.ID, f.plan)
		if len(s.Profiles().MainOnly(f.slot)) > 0 {
			// This Kodus reads thinking from Main only (studio.MainOnly):
			// its Fallback does not take the card's level.
			d.ReasoningEffort = ""
		}
		return d, err
	}
	return profile.Slot{Settings: profile.Settings{Provider: provider, Model: model, Plan: f.plan}}, nil
}

func applySetFlags(a *app, changed func(string) bool, f setFlags, sl *profile.Slot) error {
	var errs profile.Errors
	if changed("plan") {
		sl.Plan = f.plan
	}
	if changed("base-url") {
		sl.BaseURL = f.baseURL
	}
	errs = append(errs, setNumberFlags(changed, f, sl)...)
	if changed("thinking") {
		sl.ReasoningEffort = f.thinking
		// A level replaces Custom: its stored JSON would be inert.
		if profile.NormalizeEffort(f.thinking) != profile.EffortCustom && !changed("thinking-json") && sl.ReasoningConfigOverride != "" {
			sl.ReasoningConfigOverride = ""
			a.note("note: the Custom reasoning JSON was removed: thinking is now %s", profile.NormalizeEffort(f.thinking))
		}
	}
	if changed("thinking-json") {
		data, err := readFileOrStdin(a, f.thinkingJSON)
		if err != nil {
			return usagef("--thinking-json: %v", err)
		}
		sl.ReasoningConfigOverride = string(data)
		if !changed("thinking") {
			sl.ReasoningEffort = profile.EffortCustom
		}
	}
	if changed("openrouter-order") {
		sl.OpenRouterProviderOrder = strings.Split(f.openrouterOrder, ",")
	}
	if changed("openrouter-allow-fallbacks") {
		switch strings.ToLower(strings.TrimSpace(f.openrouterAllowFallbacks)) {
		case "":
			sl.OpenRouterAllowFallbacks = nil
		case "true":
			sl.OpenRouterAllowFallbacks = profile.Ptr(true)
		case "false":
			sl.OpenRouterAllowFallbacks = profile.Ptr(false)
		default:
			errs = append(errs, &profile.FieldError{Field: "openrouterAllowFallbacks", Rule: "must be true or false", Value: f.openrouterAllowFallbacks})
		}
	}
	if changed("vertex-location") {
		sl.VertexLocation = f.vertexLocation
	}
	setAWSSlot(a, changed, f, sl)
	if len(errs) > 0 {
		return errs
	}
	return nil
}

// setNumberFlags sets the temperature and the token and concurrency
// limits the flags change; a value that is not a number is a field error.
func setNumberFlags(changed func(string) bool, f setFlags, sl *profile.Slot) profile.Errors {
	var errs profile.Errors
	if changed("temperature") {
		v, err := optFloat(f.temperature)
		if err != nil {
			errs = append(errs, &profile.FieldError{Field: "temperature", Rule: "must be a number between 0 and 2", Value: f.temperature})
		}
		sl.Temperature = v
	}
	for _, n := range []struct {
		flag, field, raw string
		dst              **int
	}{
		{"max-output-tokens", "maxOutputTokens", f.maxOut, &sl.MaxOutputTokens},
		{"max-input-tokens", "maxInputTokens", f.maxIn, &sl.MaxInputTokens},
		{"max-concurrent", "maxConcurrentRequests", f.maxConcurrent, &sl.MaxConcurrentRequests},
	} {
		if !changed(n.flag) {
			continue
		}
		v, err := optInt(n.raw)
		if err != nil {
			errs = append(errs, &profile.FieldError{Field: n.field, Rule: "must be a whole number ≥ 0", Value: n.raw})
		}
		*n.dst = v
	}
	return errs
}

// setAWSSlot sets Amazon Bedrock's region and auth kind: as given, else
// from the environment or from how the key is read.
func setAWSSlot(a *app, changed func(string) bool, f setFlags, sl *profile.Slot) {
	switch {
	case changed("aws-region"):
		sl.AWSRegion = f.aws.region
	case f.aws.fromEnv && sl.AWSRegion == "":
		sl.AWSRegion = awsRegionFromEnv(a)
	}
	switch {
	case changed("aws-auth"):
		sl.AWSAuth = f.aws.auth
	case f.aws.iamStdin || f.aws.fromEnv:
		sl.AWSAuth = bedrock.AuthIAM
	case f.keyStdin && strings.TrimSpace(f.provider) == catalog.AmazonBedrock:
		sl.AWSAuth = bedrock.AuthAPIKey
	}
}

func hasField(es profile.Errors, field string) bool {
	for _, e := range es {
		if e.Field == field {
			return true
		}
	}
	return false
}

func optFloat(s string) (*float64, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, nil
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return nil, err
	}
	return &v, nil
}

func optInt(s string) (*int, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, nil
	}
	v, err := strconv.Atoi(s)
	if err != nil {
		return nil, err
	}
	return &v, nil
}

// readKey reads the key from standard input: piped, or typed at a hidden
// prompt when standard input is a terminal.
func readKey(a *app) (string, error) {
	if f, ok := a.env.Stdin.(*os.File); ok && isTerminal(f) && a.env.TTYPrompt != nil {
		return a.env.TTYPrompt("Paste the API key (input hidden)")
	}
	data, err := io.ReadAll(io.LimitReader(a.env.Stdin, maxKeyBytes+1))
	if err != nil {
		return "", fmt.Errorf("read key from standard input: %w", err)
	}
	if len(data) > maxKeyBytes {
		return "", usagef("--key-stdin: standard input is larger than %d KB; that is not a key", maxKeyBytes>>10)
	}
	if strings.TrimSpace(string(data)) == "" {
		return "", usagef("--key-stdin: standard input was empty; pipe the key in, e.g. `pass show anthropic | kodus-byok profile set …`")
	}
	return string(data), nil
}

// readFileOrStdin reads a Custom JSON, at most thinking.MaxOverrideBytes.
func readFileOrStdin(a *app, path string) ([]byte, error) {
	if path == "-" {
		data, err := capped.Read(a.env.Stdin, thinking.MaxOverrideBytes)
		if err != nil {
			return nil, fmt.Errorf("standard input: %w; a reasoning override is a few hundred bytes", err)
		}
		return data, nil
	}
	data, err := capped.ReadFile(path, thinking.MaxOverrideBytes)
	if errors.Is(err, capped.ErrTooLarge) {
		return nil, fmt.Errorf("%s: %w; a reasoning override is a few hundred bytes", path, err)
	}
	return data, err
}

// withKeyStdin adds the command line's way to give a key to a missing-key
// error (the shared rule only says to paste it).
func withKeyStdin(fes profile.Errors) profile.Errors {
	for _, fe := range fes {
		if fe.Field == "apiKey" && strings.HasSuffix(fe.Rule, ": paste it") {
			fe.Rule += ", or pipe it to --key-stdin"
		}
	}
	return fes
}
