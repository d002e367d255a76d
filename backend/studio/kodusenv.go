package studio

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/kodusbyok/studio/backend/envfile"
	"github.com/kodusbyok/studio/backend/kodusapi"
	"github.com/kodusbyok/studio/backend/kodusinstall"
	"github.com/kodusbyok/studio/backend/secrets"
)

// KodusComposeEvent is the GUI event carrying Compose's output lines.
const KodusComposeEvent = "kodus:compose"

// KodusComposeLine is one line of Compose's output; Seq orders them, since
// events may arrive out of order.
type KodusComposeLine struct {
	Seq  int    `json:"seq"`
	Line string `json:"line"`
}

// KodusEnvRequest applies a profile to an install's .env (Fixed Mode).
type KodusEnvRequest struct {
	Profile string     `json:"profile"`
	Dir     string     `json:"dir"`
	Options EnvOptions `json:"options"`
	// Digest is the plan's: the write goes ahead only on the file whose
	// diff the user saw.
	Digest  string `json:"digest"`
	Restart bool   `json:"restart"`
	// Chmod600 tightens a .env others can read to owner-only as the merge
	// writes, as EnvMergeRequest.Chmod600 does.
	Chmod600 bool `json:"chmod600,omitempty"`
}

// KodusEnvPlan is what applying would do: the merge's diff and what would
// be recreated.
type KodusEnvPlan struct {
	Install kodusinstall.Install `json:"install"`
	Merge   EnvMergePlan         `json:"merge"`
	// Services are recreated by RestartCommand after the write.
	Services       []string `json:"services"`
	RestartCommand string   `json:"restartCommand"`
	Notes          []string `json:"notes"`
}

// FindKodus looks for Kodus installs (the cwd and its parents, ~/kodus-installer,
// ~/kodus, /opt/kodus*, and running Compose projects).
func (s *Kodus) FindKodus(ctx context.Context, getenv func(string) string) kodusinstall.FindResult {
	if getenv == nil {
		getenv = os.Getenv
	}
	start, _ := os.Getwd()
	return kodusinstall.Find(ctx, kodusinstall.FindOptions{Start: start, Home: getenv("HOME"), Globs: kodusinstall.DefaultGlobs, Docker: kodusinstall.DockerFromEnv(getenv)})
}

// PlanKodusEnv computes the merge into DIR/.env without writing.
func (s *Kodus) PlanKodusEnv(ctx context.Context, req KodusEnvRequest) (KodusEnvPlan, error) {
	var p KodusEnvPlan
	dir, err := ExpandPath(req.Dir)
	if err != nil {
		return p, err
	}
	in, err := kodusinstall.Inspect(dir)
	if err != nil {
		return p, err
	}
	if in.EnvFile == "" {
		return p, fmt.Errorf("%s: %s", in.Dir, in.Problem)
	}
	p.Install = in
	p.Merge, err = s.exports().PlanEnvMerge(ctx, EnvMergeRequest{Profile: req.Profile, Options: req.Options, Path: in.EnvFile})
	if err != nil {
		return p, err
	}
	p.Services = nonNil(in.LLMServices)
	p.RestartCommand = kodusinstall.UpCommand(in.Dir, in.LLMServices)
	p.Notes = []string{}
	for _, w := range p.Merge.Current.Warnings {
		if w.Code == "kodus-line" { // IMAGE_TAG against the line the app follows
			p.Notes = append(p.Notes, w.Message+" "+w.Fix)
		}
	}
	if in.OptionalCommand != "" {
		p.Notes = append(p.Notes, "if you run the optional "+strings.Join(in.OptionalLLMServices, ", ")+", recreate it too: "+in.OptionalCommand)
	}
	p.Notes = append(p.Notes, PrecedenceNote)
	return p, nil
}

// KodusRestart is what recreating the services did.
type KodusRestart struct {
	Requested bool     `json:"requested"`
	Ran       bool     `json:"ran"`
	OK        bool     `json:"ok"`
	Services  []string `json:"services"`
	Command   string   `json:"command"`
	Output    string   `json:"output,omitempty"`
	Error     string   `json:"error,omitempty"`
	// Unavailable means Docker could not be used at all: run Command by hand.
	Unavailable bool `json:"unavailable,omitempty"`
}

// KodusVerify is the proof that the new values reached Kodus: its status
// when signed in, else what the API container's environment holds.
type KodusVerify struct {
	// Method is "kodus-status", "container-env" or "none".
	Method string `json:"method"`
	OK     bool   `json:"ok"`
	// Overridden means the .env reached Kodus but its BYOK config takes
	// precedence, so Kodus does not use it.
	Overridden bool `json:"overridden,omitempty"`
	// Source and Model come from Kodus's status.
	Source string `json:"source,omitempty"`
	Model  string `json:"model,omitempty"`
	// Variables are the LLM variables the API container sees, keys masked.
	Variables []EnvVarView `json:"variables,omitempty"`
	Message   string       `json:"message"`
	Command   string       `json:"command,omitempty"`
}

// KodusEnvResult reports an apply-env.
type KodusEnvResult struct {
	Plan    KodusEnvPlan   `json:"plan"`
	Written EnvWriteResult `json:"written"`
	Restart KodusRestart   `json:"restart"`
	Verify  *KodusVerify   `json:"verify,omitempty"`
}

// statusWaits space the status reads while a recreated API starts.
var statusWaits = []time.Duration{2 * time.Second, 3 * time.Second, 5 * time.Second, 5 * time.Second, 10 * time.Second, 10 * time.Second}

// ApplyKodusEnv writes the merge, then with Restart recreates the services
// that read the LLM variables (Compose's output goes to onLine as it comes)
// and verifies what Kodus now sees.
func (s *Kodus) ApplyKodusEnv(ctx context.Context, req KodusEnvRequest, getenv func(string) string, onLine func(string)) (KodusEnvResult, error) {
	var res KodusEnvResult
	plan, err := s.PlanKodusEnv(ctx, req)
	if err != nil {
		return res, err
	}
	res.Plan = plan
	res.Written, err = s.exports().ApplyEnvMerge(ctx, EnvMergeRequest{Profile: req.Profile, Options: req.Options, Path: plan.Install.EnvFile, Digest: req.Digest, Chmod600: req.Chmod600})
	if err != nil {
		return res, err
	}
	in := plan.Install
	res.Restart = KodusRestart{Requested: req.Restart, Services: nonNil(in.LLMServices), Command: plan.RestartCommand}
	if !req.Restart {
		return res, nil
	}
	if len(in.LLMServices) == 0 {
		res.Restart.Error = "the compose file has no service running Kodus's API or worker image"
		return res, nil
	}
	if getenv == nil {
		getenv = os.Getenv
	}
	dk := kodusinstall.DockerFromEnv(getenv)
	out, err := dk.ComposeUp(ctx, in.Dir, in.LLMServices, onLine)
	res.Restart.Ran, res.Restart.Output = true, out
	var de *kodusinstall.DockerError
	switch {
	case errors.As(err, &de) && de.Unavailable():
		res.Restart.Ran, res.Restart.Unavailable = false, true
		res.Restart.Error = err.Error() + ". Run it yourself: " + plan.RestartCommand
		return res, nil
	case err != nil:
		res.Restart.Error = err.Error()
		return res, nil
	}
	res.Restart.OK = true
	v := s.verifyKodusEnv(ctx, dk, in)
	res.Verify = &v
	return res, nil
}

// verifyKodusEnv asks Kodus (signed in) or the API container what it now
// uses, and compares with the .env.
func (s *core) verifyKodusEnv(ctx context.Context, dk kodusinstall.Docker, in kodusinstall.Install) KodusVerify {
	want, err := kodusinstall.ReadEnvFile(in.EnvFile)
	if err != nil {
		return KodusVerify{Method: "none", Message: err.Error()}
	}
	wantModel := strings.TrimSpace(want[envfile.VarModel])
	if sess, err := s.kodus().KodusSession(); err == nil && sess.SignedIn {
		var st kodusapi.Status
		err := s.kodusCall(ctx, func(c *kodusapi.Client) error {
			var err error
			for i := 0; ; i++ {
				st, err = c.Status(ctx)
				var ne *kodusapi.NetworkError
				if !errors.As(err, &ne) || i >= len(statusWaits) {
					return err
				}
				select { // the API is starting after its recreation
				case <-ctx.Done():
					return ctx.Err()
				case <-time.After(statusWaits[i]):
				}
			}
		})
		if err == nil {
			v := KodusVerify{Method: "kodus-status", Source: st.Source, Model: st.Env.Model}
			switch {
			case !st.Env.Configured:
				v.Message = "Kodus's status says the .env configures no model: the API did not pick up " + wantModel + "."
			case st.Env.Model != wantModel:
				v.Message = fmt.Sprintf("Kodus's status shows the .env model %s, not %s: the API container still has the old values.", st.Env.Model, wantModel)
			case st.Source == "byok":
				v.OK, v.Overridden = true, true
				v.Message = fmt.Sprintf("Kodus read the new .env (model %s), but it uses its BYOK config (%s): %s", st.Env.Model, st.BYOK.Model, PrecedenceNote)
			default:
				v.OK = true
				v.Message = fmt.Sprintf("Kodus now uses the .env (source %s): model %s.", st.Source, st.Env.Model)
			}
			return v
		}
	}
	if in.APIService == "" {
		return KodusVerify{Method: "none", Message: "no API service to ask"}
	}
	got, err := dk.ComposeEnv(ctx, in.Dir, in.APIService)
	cmd := kodusinstall.ExecEnvCommand(in.Dir, in.APIService)
	if err != nil {
		return KodusVerify{Method: "none", Message: "could not read the API container's environment: " + err.Error(), Command: cmd}
	}
	v := KodusVerify{Method: "container-env", Command: cmd, Variables: []EnvVarView{}}
	same := true
	for _, name := range envfile.LLMVarNames() {
		val, ok := got[name]
		if !ok && want[name] == "" {
			continue
		}
		if val != want[name] {
			same = false
		}
		shown := val
		if envfile.IsSecret(name) {
			shown = secrets.Mask(val)
		}
		v.Variables = append(v.Variables, EnvVarView{Name: name, Value: shown, Secret: envfile.IsSecret(name)})
	}
	v.OK = same
	if same {
		v.Message = fmt.Sprintf("the %s container sees the new values (model %s). Sign in (kodus-byok kodus login) to see what Kodus uses: %s", in.APIService, wantModel, PrecedenceNote)
	} else {
		v.Message = fmt.Sprintf("the %s container does not see the .env's values yet: was it recreated? %s", in.APIService, kodusinstall.UpCommand(in.Dir, in.LLMServices))
	}
	return v
}
