package bindings

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/kodusbyok/studio/backend/catalog"
	"github.com/kodusbyok/studio/backend/profile"
	"github.com/kodusbyok/studio/backend/studio"
)

// secret is the saved key (and the pasted one, and the Kodus password):
// no bound method may hand it back.
const secret = "sk-" + "FAKE-secret-123456"

// fakeRuntime records what the bindings send to the window.
type fakeRuntime struct {
	mu        sync.Mutex
	events    []any
	clipboard string
}

func (r *fakeRuntime) Emit(_ context.Context, event string, data ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.events = append(r.events, map[string]any{"event": event, "data": data})
}

func (r *fakeRuntime) ClipboardSet(_ context.Context, text string) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.clipboard = text
	return nil
}

func (r *fakeRuntime) ClipboardGet(context.Context) (string, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.clipboard, nil
}

func (r *fakeRuntime) PickFolder(context.Context, string) (string, error) { return "", nil }
func (r *fakeRuntime) OpenURL(context.Context, string)                    {}

// echoServer answers every request with a refusal quoting what it got,
// key and body included, so a result that carried the provider's words
// unredacted would carry the key.
func echoServer(t *testing.T) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusUnauthorized)
		msg, _ := json.Marshal(map[string]any{"error": map[string]string{"message": "invalid key " + r.Header.Get("Authorization") + " " + string(body)}})
		w.Write(msg)
	}))
	t.Cleanup(srv.Close)
	return srv
}

type fixture struct {
	session *Session
	rt      *fakeRuntime
	dir     string
	input   studio.SlotInput
}

// newFixture is a session on a temp data dir (file keychain) holding
// profile "p" whose Main slot points at the echo server with the key.
func newFixture(t *testing.T) *fixture {
	dir := t.TempDir()
	srv := echoServer(t)
	env := map[string]string{
		"KODUS_BYOK_HOME": filepath.Join(dir, "data"), "KODUS_BYOK_KEYRING": "file", "KODUS_BYOK_KEYRING_PASSPHRASE": "test-pass",
		"HOME": dir, "KODUS_BYOK_DISCOVER_URLS": srv.URL,
	}
	getenv := func(k string) string { return env[k] }
	st, err := studio.Open(studio.Options{Getenv: getenv})
	if err != nil {
		t.Fatal(err)
	}
	in := studio.SlotInput{Provider: catalog.OpenAICompatible, Model: "echo-model", BaseURL: srv.URL + "/v1"}
	key := secret
	if _, err := st.Profiles().Save(context.Background(), studio.SaveRequest{Profile: "p", Slot: profile.SlotMain, Config: profile.Slot{Settings: profile.Settings{Provider: in.Provider, Model: in.Model, BaseURL: in.BaseURL}}, Key: &key}); err != nil {
		t.Fatal(err)
	}
	envFile := filepath.Join(dir, "kodus.env")
	if err := os.WriteFile(envFile, []byte("API_LLM_PROVIDER_MODEL=gpt-4o\nAPI_OPEN_AI_API_KEY="+secret+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	rt := &fakeRuntime{}
	return &fixture{session: New(Options{Getenv: getenv, Runtime: rt}), rt: rt, dir: dir, input: in}
}

// args are the arguments each bound method is called with; any other
// parameter gets "p" (the profile), "main" (the slot), or its zero value.
func (f *fixture) args() map[string][]any {
	envFile := filepath.Join(f.dir, "kodus.env")
	return map[string][]any{
		"UnlockKeychain":   {"test-pass"},
		"OpenURL":          {"https://example.com/keys"},
		"SetKodusLine":     {"current"},
		"PreviewKey":       {secret},
		"CheckKey":         {secret, f.input},
		"DescribeKeyTest":  {f.input, secret},
		"CheckSlot":        {"p", "main", f.input},
		"PreviewThinking":  {"main", f.input},
		"SaveSlot":         {studio.SaveSlotRequest{Profile: "q", Slot: "main", Config: f.input, APIKey: secret}},
		"DeleteProfile":    {"no-such-profile"},
		"TestSlotSettings": {studio.TestSlotRequest{Profile: "p", Slot: "main", Config: f.input, APIKey: secret}},
		"DryRunSlot":       {studio.DryRunRequest{Profile: "p", Slot: "main"}},
		"ConcurrencyInfo":  {studio.ConcurrencyRequest{Profile: "p", Slot: "main"}},
		"WriteEnv":         {studio.EnvWriteRequest{Profile: "p", Path: filepath.Join(f.dir, "out.env")}},
		"PlanEnvMerge":     {studio.EnvMergeRequest{Profile: "p", Path: envFile}},
		"ApplyEnvMerge":    {studio.EnvMergeRequest{Profile: "p", Path: filepath.Join(f.dir, "merge.env")}},
		"InspectEnv":       {envFile},
		"ImportEnv":        {envFile, "imported"},
		"WriteBYOKFile":    {"p", filepath.Join(f.dir, "byok.json"), true, false},
		"InspectKodusDir":  {f.dir},
		"PlanKodusEnv":     {studio.KodusEnvRequest{Profile: "p", Dir: f.dir}},
		"ApplyKodusEnv":    {studio.KodusEnvRequest{Profile: "p", Dir: f.dir}},
		"KodusLogin":       {KodusLoginRequest{URL: f.session.getenv("KODUS_BYOK_DISCOVER_URLS"), Email: "me@example.com", Password: secret}},
	}
}

type boundMethod struct {
	name string
	fn   reflect.Value
}

func boundMethods(s *Session) []boundMethod {
	var out []boundMethod
	for _, b := range s.Structs() {
		v := reflect.ValueOf(b)
		for i := 0; i < v.NumMethod(); i++ {
			out = append(out, boundMethod{reflect.TypeOf(b).Elem().Name() + "." + v.Type().Method(i).Name, v.Method(i)})
		}
	}
	return out
}

func (m boundMethod) call(given []any) (results []any, err error) {
	ft := m.fn.Type()
	in := make([]reflect.Value, ft.NumIn())
	defaults := []any{"p", "main"}
	for i := range in {
		switch {
		case i < len(given):
			in[i] = reflect.ValueOf(given[i])
		case ft.In(i).Kind() == reflect.String && i < len(defaults):
			in[i] = reflect.ValueOf(defaults[i])
		default:
			in[i] = reflect.Zero(ft.In(i))
		}
	}
	for _, out := range m.fn.Call(in) {
		if e, ok := out.Interface().(error); ok || (out.Type() == reflect.TypeFor[error]() && out.IsNil()) {
			err = e
			continue
		}
		results = append(results, out.Interface())
	}
	return results, err
}

func methodName(full string) string { return full[strings.Index(full, ".")+1:] }

// Every bound method, called with a saved key in the keychain (and the key
// pasted where a method takes one), returns no key; its errors all come
// out of mapErr.
func TestBoundMethodsReturnNoSecret(t *testing.T) {
	f := newFixture(t)
	args := f.args()
	seen := map[string]bool{}
	for _, m := range boundMethods(f.session) {
		seen[methodName(m.name)] = true
		res, err := m.call(args[methodName(m.name)])
		out, merr := json.Marshal(res)
		if testing.Verbose() {
			t.Logf("%s → %.300s err=%v", m.name, out, err)
		}
		if merr != nil {
			t.Errorf("%s: result does not marshal: %v", m.name, merr)
		}
		if strings.Contains(string(out), secret) {
			t.Errorf("%s returned the key: %s", m.name, out)
		}
		if err == nil {
			continue
		}
		if strings.Contains(err.Error(), secret) {
			t.Errorf("%s returned the key in its error: %v", m.name, err)
		}
		var be *Error
		if !errors.As(err, &be) || reflect.TypeOf(err) != reflect.TypeFor[*Error]() {
			t.Errorf("%s: error %T %v did not go through mapErr", m.name, err, err)
		}
	}
	f.rt.mu.Lock()
	events, _ := json.Marshal(f.rt.events)
	f.rt.mu.Unlock()
	if strings.Contains(string(events), secret) {
		t.Errorf("an event carried the key: %s", events)
	}
	for name := range args {
		if !seen[name] {
			t.Errorf("arguments given for %s, which is not bound", name)
		}
	}
}

// A data dir that cannot open fails every method that needs it with the
// same mapped error.
func TestBoundMethodsMapOpenErrorsAlike(t *testing.T) {
	file := filepath.Join(t.TempDir(), "not-a-dir")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	env := map[string]string{"KODUS_BYOK_HOME": file, "KODUS_BYOK_KEYRING": "file", "KODUS_BYOK_KEYRING_PASSPHRASE": "x", "PATH": ""}
	s := New(Options{Getenv: func(k string) string { return env[k] }, Runtime: &fakeRuntime{}})
	want := ""
	for _, m := range boundMethods(s) {
		if m.fn.Type().NumOut() == 0 || m.fn.Type().Out(m.fn.Type().NumOut()-1) != reflect.TypeFor[error]() {
			continue
		}
		_, err := m.call(map[string][]any{"OpenURL": {"https://example.com/keys"}}[methodName(m.name)])
		if err == nil {
			continue // needs no data dir (a link, a folder picker, a probe)
		}
		if reflect.TypeOf(err) != reflect.TypeFor[*Error]() {
			t.Errorf("%s: error %T did not go through mapErr", m.name, err)
		}
		if want == "" {
			want = err.Error()
		}
		if err.Error() != want {
			t.Errorf("%s: error %q, others %q", m.name, err, want)
		}
	}
	if want == "" {
		t.Fatal("no method reported the broken data dir")
	}
}

func TestGuardTurnsAPanicIntoAnError(t *testing.T) {
	env := map[string]string{"KODUS_BYOK_HOME": t.TempDir(), "KODUS_BYOK_KEYRING": "file", "KODUS_BYOK_KEYRING_PASSPHRASE": "x"}
	s := New(Options{Getenv: func(k string) string { return env[k] }, Runtime: &fakeRuntime{}})
	_, err := call(s, func(*studio.Studio) (int, error) { panic("boom") })
	if err == nil || reflect.TypeOf(err) != reflect.TypeFor[*Error]() || !strings.Contains(err.Error(), "internal error: boom") {
		t.Fatalf("err = %T %v", err, err)
	}
}
