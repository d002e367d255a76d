package concurrency

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

// An endpoint that answers 200 with something that is not the provider's
// answer (a web page, a proxy's error, broken JSON) has proven nothing: the
// probe stops at the first such answer and recommends nothing, instead of
// counting it as accepted and recommending the ceiling.
func TestProbeStopsOnAnswersThatAreNotAnswers(t *testing.T) {
	t.Parallel()
	answers := map[string]func(w http.ResponseWriter){
		"web page": func(w http.ResponseWriter) {
			w.Header().Set("Content-Type", "text/html")
			w.WriteHeader(200)
			io.WriteString(w, "<!DOCTYPE html><html><body>Please sign in</body></html>")
		},
		"broken json":         func(w http.ResponseWriter) { jsonReply(w, 200, `{"choices":[{"mess`) },
		"error object at 200": func(w http.ResponseWriter) { jsonReply(w, 200, `{"error":{"message":"upstream overloaded"}}`) },
	}
	for name, answer := range answers {
		t.Run(name, func(t *testing.T) {
			srv := newCapServer(t, styleNamed("openai"), 30, 10*time.Millisecond)
			srv.fail = func(_ int, w http.ResponseWriter) bool { answer(w); return true }
			s, pl := srv.sender(t)
			rep := Probe(context.Background(), s, srv.gate(fastOptions(pl)))
			if rep.StoppedBy != StopError || rep.Recommended != 0 || rep.Cap != 0 || rep.Rounds != 1 {
				t.Fatalf("report: stopped by %s, cap %d, recommended %d, %d rounds (%s)", rep.StoppedBy, rep.Cap, rep.Recommended, rep.Rounds, rep.Why)
			}
			if rep.Error == nil || rep.Error.Code != "unknown" || !strings.Contains(rep.Error.Message, "received") {
				t.Errorf("error = %+v", rep.Error)
			}
		})
	}
}
