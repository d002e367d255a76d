package kodustest

import (
	"encoding/json"
	"net/http"
)

// control adds the browser tests' handle on a stand-in run as a separate
// process: seed a config, read what was saved and tested, expire tokens.
func (s *Server) control(mux *http.ServeMux) {
	mux.HandleFunc("POST /__standin/seed", func(w http.ResponseWriter, r *http.Request) {
		var cfg map[string]any
		if err := json.NewDecoder(r.Body).Decode(&cfg); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		s.Seed(cfg)
		w.WriteHeader(http.StatusNoContent)
	})
	mux.HandleFunc("GET /__standin/saves", func(w http.ResponseWriter, _ *http.Request) { writeJSON(w, http.StatusOK, s.Saves()) })
	mux.HandleFunc("GET /__standin/tests", func(w http.ResponseWriter, _ *http.Request) { writeJSON(w, http.StatusOK, s.Tests()) })
	mux.HandleFunc("GET /__standin/stored", func(w http.ResponseWriter, _ *http.Request) { writeJSON(w, http.StatusOK, s.Stored()) })
	mux.HandleFunc("GET /__standin/requests", func(w http.ResponseWriter, _ *http.Request) { writeJSON(w, http.StatusOK, s.Requests()) })
	mux.HandleFunc("POST /__standin/expire-access", func(w http.ResponseWriter, _ *http.Request) {
		s.ExpireAccessTokens()
		w.WriteHeader(http.StatusNoContent)
	})
}
